/**
 * `kubeway route` as a user runs it: `node dist/cli.js` in a child process (npm test builds dist/ first;
 * after `node scripts/quick-test.mjs`, run `node esbuild.mjs` before this file).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { repoRoot } from '../../harness';

const root = repoRoot();
const CLI = join(root, 'dist', 'cli.js');
const FILE = 'test/fixtures/cli/route/bookshop.yaml';

function kubeway(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(() => {
  assert.ok(existsSync(CLI), `${CLI} is missing: run \`node esbuild.mjs\` first`);
});

describe('kubeway route', () => {
  it('--format json: exactly the documented shape, exit 0 when routed', () => {
    const r = kubeway(['route', 'https://books.example.com/api/v1?x=1', FILE, '--format', 'json']);
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
    assert.deepEqual(JSON.parse(r.stdout), {
      version: 1,
      request: { scheme: 'https', host: 'books.example.com', port: 443, path: '/api/v1', method: 'GET', headers: {} },
      traces: [
        {
          via: 'ingress',
          class: 'nginx',
          outcome: 'routed',
          route: {
            kind: 'Ingress',
            namespace: 'shop',
            name: 'bookshop',
            file: FILE,
            range: { start: { line: 19, character: 8 }, end: { line: 23, character: 0 } },
            host: 'books.example.com',
            path: '/api',
            pathType: 'Prefix',
            defaultBackend: false,
          },
          service: {
            namespace: 'shop',
            name: 'catalog',
            port: 8080,
            servicePort: 8080,
            targetPort: 'http',
            file: FILE,
            line: 28,
          },
          pods: [
            {
              kind: 'Deployment',
              namespace: 'shop',
              name: 'catalog',
              container: 'api',
              containerPort: 8080,
              protocol: 'TCP',
              file: FILE,
              line: 47,
            },
          ],
          tls: { secretName: 'books-tls', namespace: 'shop' },
          why: [
            'class nginx: Ingress shop/bookshop',
            'host books.example.com: exact rule of Ingress shop/bookshop',
            'path /api/v1: longest match Prefix /api of Ingress shop/bookshop',
            'also matches Prefix / of Ingress shop/bookshop: longer path wins',
            'TLS: Secret shop/books-tls of Ingress shop/bookshop',
            'backend Service shop/catalog port 8080',
            'Service shop/catalog port 8080 (http) → targetPort http',
            'pods of Deployment shop/catalog: container api port 8080/TCP',
          ],
        },
      ],
    });
  });

  it('text: the chain and the why lines', () => {
    const r = kubeway(['route', 'books.example.com/', FILE, '--method', 'post', '--header', 'X-Canary: yes']);
    assert.equal(r.status, 0);
    assert.equal(
      r.stdout,
      `POST http://books.example.com/

class nginx: routed: Ingress shop/bookshop (books.example.com Prefix /) → Service shop/storefront port http (80) → targetPort 3000 → Deployment shop/storefront web:3000/TCP
  at ${FILE}:16:9
  - class nginx: Ingress shop/bookshop
  - Ingress rules match host and path only, not method POST and header x-canary
  - host books.example.com: exact rule of Ingress shop/bookshop
  - path /: matches Prefix / of Ingress shop/bookshop
  - backend Service shop/storefront port http
  - Service shop/storefront port 80 (http) → targetPort 3000
  - pods of Deployment shop/storefront: container web port 3000/TCP
`,
    );
  });

  it('exit 1 when a trace is broken or has no route', () => {
    const broken = kubeway(['route', 'https://books.example.com/admin', FILE, '--format=json']);
    assert.equal(broken.status, 1);
    const t = JSON.parse(broken.stdout).traces[0];
    assert.equal(t.outcome, 'broken');
    assert.equal(
      t.why.at(-1),
      'Ingress `bookshop` routes to Service `admin`, which is not in the checked files for namespace `shop`.',
    );
    const none = kubeway(['route', 'https://music.example.com/', FILE, '--format', 'json']);
    assert.equal(none.status, 1);
    assert.deepEqual(
      JSON.parse(none.stdout).traces.map((x: { outcome: string }) => x.outcome),
      ['no-route'],
    );
    assert.equal(kubeway(['route', 'https://books.example.com/', FILE, '--class', 'traefik']).status, 1);
  });

  it('Service DNS names and node ports', () => {
    const dns = JSON.parse(
      kubeway(['route', 'http://catalog.shop.svc.cluster.local:8080/items', FILE, '--format', 'json']).stdout,
    ).traces;
    assert.deepEqual(
      dns.map((t: { via: string; route: unknown; service: { port: number } }) => [t.via, t.route, t.service.port]),
      [['service', null, 8080]],
    );
    const r = kubeway(['route', 'node:30080', FILE, '--format', 'json']);
    assert.equal(r.status, 0);
    const [t] = JSON.parse(r.stdout).traces;
    assert.deepEqual(
      [t.via, t.class, t.service.name, t.service.port, t.pods[0].containerPort],
      ['node-port', null, 'storefront', 80, 3000],
    );
  });

  it('exit 2 on usage and I/O errors', () => {
    const cases: [string[], string][] = [
      [['route'], 'kubeway: route needs a URL'],
      [['route', 'https://x.example.com'], 'kubeway: route needs at least one file or folder after the URL'],
      [['route', 'ftp://x.example.com', FILE], 'kubeway: cannot trace ftp://x.example.com: `ftp://` is not HTTP'],
      [
        ['route', 'https://x.example.com', FILE, '--header', 'nocolon'],
        'kubeway: --header takes NAME:VALUE (got "nocolon")',
      ],
      [['route', 'https://x.example.com', FILE, '--format', 'yaml'], 'kubeway: unknown --format "yaml" (text or json)'],
      [['route', 'https://x.example.com', FILE, '--clas', 'nginx'], 'kubeway: unknown option --clas for route'],
      [['route', 'https://x.example.com', 'no/such/dir'], 'kubeway: no such file or folder: no/such/dir'],
    ];
    for (const [args, message] of cases) {
      const r = kubeway(args);
      assert.equal(r.status, 2, args.join(' '));
      assert.ok(r.stderr.startsWith(message), `${args.join(' ')}: ${r.stderr}`);
      assert.equal(r.stdout, '');
    }
  });
});
