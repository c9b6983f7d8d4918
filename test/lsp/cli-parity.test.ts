/**
 * The editor shows exactly what `kubeway check --format json` prints for the same files: range, severity,
 * code and message, byte for byte. The CLI (bundled from its source, as dist/cli.js is) runs in the
 * workspace folder; the server reads the same folder from disk without any file being opened.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../harness';
import { LspClient } from './lspClient';

/** `kubeway check . --format json` run in a folder. */
function cliJson(folder: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kubeway-cli-'));
  try {
    const cli = join(dir, 'cli.js');
    const esbuild = join(repoRoot(), 'node_modules', 'esbuild', 'bin', 'esbuild');
    execFileSync(esbuild, [
      join(repoRoot(), 'server/src/cli/main.ts'),
      '--bundle',
      '--platform=node',
      '--target=node20',
      '--format=cjs',
      '--log-level=warning',
      `--outfile=${cli}`,
    ]);
    try {
      return execFileSync(process.execPath, [cli, 'check', '.', '--format', 'json'], { cwd: folder, encoding: 'utf8' });
    } catch (e) {
      // Exit code 1: errors were found; the JSON is on stdout all the same.
      return (e as { stdout: string }).stdout;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const FILES: Record<string, string> = {
  'apps/web.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: "2"
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: app
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 8080
              protocol: tcp
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  type: nodeport
  selector: {app: web}
  ports:
    - name: http
      port: 80
      targetPort: htp
      nodePort: 99999
`,
  'apps/ingress.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: shop
spec:
  rules:
    - host: Shop.example.com
      http:
        paths:
          - path: /
            backend:
              service:
                name: web
                port:
                  name: https
          - path: api
            pathType: prefix
            backend:
              serviceName: api
              servicePort: 80
`,
  'legacy/old.yaml': `apiVersion: extensions/v1beta1
kind: Deployment
metadata:
  name: old
spec:
  template:
    metadata:
      labels: {app: old}
    spec:
      containers: [{name: old, image: busybox}]
`,
  'broken.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: broken\ndata:\n  a: [1, 2\n  b: c\n',
  'tabs.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: tabs\n',
  'dup.yaml':
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: dup\n  name: dup2\nspec:\n  ports: [{port: 80}]\n  selector: {app: dup}\n',
  'crlf.yaml':
    'apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n  name: crlf\r\nspec:\r\n  type: Loadbalancer\r\n  ports:\r\n    - port: 80\r\n      protocol: udp\r\n',
  'unicode.yaml':
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: uni\n  annotations: {note: "🚀 café"}\nspec: {type: "🚀", ports: [{port: 80}]}\n',
  'list.yaml':
    'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Service\n    metadata: {name: listed}\n    spec:\n      ports: [{port: 70000}]\n',
  'sub/dir/typo.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: typo\nspec:\n  selector:\n    matchLabels: {app: typo}\n  template:\n    metadata:\n      labels: {app: typo}\n    spec:\n      contianers:\n        - name: a\n          image: nginx\n',
  'charts/web/templates/deploy.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  replicas: nope\n',
  'compose.yaml': 'services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n',
};

interface CliDiagnostic {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
}

const SEVERITY: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

describe('the server and the CLI agree', () => {
  let c: LspClient | undefined;
  after(async () => {
    await c?.stop();
  });

  it('publishes what `kubeway check --format json` prints, for every file of the folder', async () => {
    c = await LspClient.start({ files: FILES });
    const folder = c.folder as string;
    const cli = (JSON.parse(cliJson(folder)) as { diagnostics: CliDiagnostic[] }).diagnostics;
    assert.ok(cli.length >= 15, `the fixtures give many findings (got ${cli.length})`);
    assert.ok(new Set(cli.map((d) => d.code)).size >= 10, 'from many rules');
    const show = (d: CliDiagnostic) => JSON.stringify([d.file, d.range, d.severity, d.code, d.message]);
    const expected = cli.map(show).sort();
    const fromServer = (): string[] => {
      const latest = new Map<string, CliDiagnostic[]>();
      for (const p of (c as LspClient).publishes) {
        const file = relative(folder, fileURLToPath(p.uri));
        latest.set(
          file,
          p.diagnostics.map((d) => ({
            file,
            range: d.range,
            severity: SEVERITY[d.severity ?? 1],
            code: String(d.code),
            message: d.message as string,
          })),
        );
      }
      return [...latest.values()].flat().map(show).sort();
    };
    await c.indexed();
    await c.waitFor(
      'the server to publish what the CLI printed',
      () => (JSON.stringify(fromServer()) === JSON.stringify(expected) ? true : undefined),
      10_000,
      () => {
        const got = fromServer();
        return `missing: ${expected.filter((e) => !got.includes(e)).join('\n')}\nextra: ${got.filter((g) => !expected.includes(g)).join('\n')}`;
      },
    );
    // Opening a file publishes the same again, now with its version.
    const uri = c.uri('apps/web.yaml');
    await c.open(uri, FILES['apps/web.yaml']);
    const opened = await c.waitDiagnostics(uri, () => true, 1);
    assert.deepEqual(
      opened.diagnostics
        .map((d) => JSON.stringify(['apps/web.yaml', d.range, SEVERITY[d.severity ?? 1], d.code, d.message]))
        .sort(),
      cli
        .filter((d) => d.file === 'apps/web.yaml')
        .map(show)
        .sort(),
    );
  });
});
