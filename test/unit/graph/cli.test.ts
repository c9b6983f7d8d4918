import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from './runCli';
import { assertWellFormedXml } from './xml';

const cli = (...argv: string[]) => runCli(argv, dir);

const dir = mkdtempSync(join(tmpdir(), 'kubeway-graph-cli-'));
writeFileSync(
  join(dir, 'app.yaml'),
  `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec: {defaultBackend: {service: {name: web, port: {number: 80}}}}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80}]}
`,
);

describe('kubeway graph', () => {
  it('prints the graph as JSON by default', () => {
    const r = cli('graph', '.');
    assert.equal(r.code, 0);
    const g = JSON.parse(r.out);
    assert.equal(g.version, 1);
    assert.deepEqual(
      g.nodes.map((n: { id: string }) => n.id),
      ['Ingress/default/web', 'Service/default/web', 'missing:Pod/default/app=web'],
    );
    assert.deepEqual(
      g.edges.map((e: { kind: string; broken: boolean }) => `${e.kind} ${e.broken}`),
      ['routes false', 'selects true'],
    );
    assert.equal(g.nodes[0].file, 'app.yaml', 'paths as the user gave them, relative to the working folder');
  });

  it('prints a standalone SVG, and writes a self-contained HTML page with --out', () => {
    const svg = cli('graph', dir, '--format', 'svg');
    assert.equal(svg.code, 0);
    assertWellFormedXml(svg.out.trim());
    assert.match(svg.out, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*>\n<style>/);

    const file = join(dir, 'diagram.html');
    const html = cli('graph', dir, '--format=html', '--out', file);
    assert.deepEqual([html.code, html.out], [0, '']);
    const page = readFileSync(file, 'utf8');
    const nonce = /<script nonce="([^"]+)">/.exec(page)?.[1];
    assert.ok(nonce && nonce.length >= 16, 'a random nonce');
    assert.ok(page.includes(`script-src &#39;nonce-${nonce}&#39;`));
    assert.match(page, /<main id="kw-canvas"><svg /);
    assert.notEqual(
      /<script nonce="([^"]+)">/.exec(readFileSync(file, 'utf8'))?.[1],
      /<script nonce="([^"]+)">/.exec(cli('graph', dir, '--format', 'html').out)?.[1],
      'a fresh nonce per page',
    );
  });

  it('rejects an unknown format and a missing path with exit code 2', () => {
    const bad = cli('graph', dir, '--format', 'png');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /unknown --format "png" \(json, svg or html\)/);
    assert.equal(cli('graph').code, 2);
    assert.equal(cli('graph', join(dir, 'nope')).code, 2);
  });
});
