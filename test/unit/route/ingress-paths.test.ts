/**
 * The path-matching table of the Kubernetes docs' "Ingress" page (concepts/services-networking/ingress,
 * "Examples"), row by row: the paths of one Ingress, a request path, and which path (if any) takes it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Workspace } from '../../../server/src/engine/model/workspace';
import { traceRequest } from '../../../server/src/engine/route';
import type { RouteReport } from '../../../server/src/engine/route';

type Path = [type: 'Prefix' | 'Exact' | 'ImplementationSpecific', path: string];

/** An Ingress with these paths (each to its own Service) and a default backend. */
function ingress(paths: Path[]): Workspace {
  const items = paths.map(
    ([type, path], i) =>
      `      - {path: ${JSON.stringify(path)}, pathType: ${type}, backend: {service: {name: svc-${i}, port: {number: 80}}}}`,
  );
  const ws = new Workspace();
  ws.setText(
    'ingress.yaml',
    `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: paths}\nspec:\n  defaultBackend: {service: {name: default-backend, port: {number: 80}}}\n  rules:\n  - http:\n      paths:\n${items.join('\n')}\n`,
  );
  return ws;
}

/** The path that takes the request: `Prefix /foo`, or `default backend`. */
function taker(ws: Workspace, path: string): string {
  const report = traceRequest(ws, `http://any.example.com${path}`) as RouteReport;
  assert.equal(report.traces.length, 1);
  const route = report.traces[0].route;
  assert.ok(route, 'a default backend always takes it');
  return route.defaultBackend ? 'default backend' : `${route.pathType} ${route.path}`;
}

// Kind | Path(s) | Request path(s) | Matches? — as on the page; the last column is what takes the request.
const TABLE: [kind: string, paths: Path[], requests: string[], matches: string][] = [
  ['Prefix', [['Prefix', '/']], ['/', '/foo', '/aaa/bbb/ccc'], 'Prefix /'],
  ['Exact', [['Exact', '/foo']], ['/foo'], 'Exact /foo'],
  ['Exact', [['Exact', '/foo']], ['/bar'], 'default backend'],
  ['Exact', [['Exact', '/foo']], ['/foo/'], 'default backend'],
  ['Exact', [['Exact', '/foo/']], ['/foo'], 'default backend'],
  ['Prefix', [['Prefix', '/foo']], ['/foo', '/foo/'], 'Prefix /foo'],
  ['Prefix', [['Prefix', '/foo/']], ['/foo', '/foo/'], 'Prefix /foo/'],
  ['Prefix', [['Prefix', '/aaa/bb']], ['/aaa/bbb'], 'default backend'],
  ['Prefix', [['Prefix', '/aaa/bbb']], ['/aaa/bbb'], 'Prefix /aaa/bbb'],
  ['Prefix (ignores trailing slash)', [['Prefix', '/aaa/bbb/']], ['/aaa/bbb'], 'Prefix /aaa/bbb/'],
  ['Prefix (matches trailing slash)', [['Prefix', '/aaa/bbb']], ['/aaa/bbb/'], 'Prefix /aaa/bbb'],
  ['Prefix (matches subpath)', [['Prefix', '/aaa/bbb']], ['/aaa/bbb/ccc'], 'Prefix /aaa/bbb'],
  ['Prefix (does not match string prefix)', [['Prefix', '/aaa/bbb']], ['/aaa/bbbxyz'], 'default backend'],
  [
    'Prefix (matches /aaa prefix)',
    [
      ['Prefix', '/'],
      ['Prefix', '/aaa'],
    ],
    ['/aaa/ccc'],
    'Prefix /aaa',
  ],
  [
    'Prefix (matches /aaa/bbb prefix)',
    [
      ['Prefix', '/'],
      ['Prefix', '/aaa'],
      ['Prefix', '/aaa/bbb'],
    ],
    ['/aaa/bbb'],
    'Prefix /aaa/bbb',
  ],
  [
    'Prefix (matches / prefix)',
    [
      ['Prefix', '/'],
      ['Prefix', '/aaa'],
      ['Prefix', '/aaa/bbb'],
    ],
    ['/ccc'],
    'Prefix /',
  ],
  ['Prefix (uses default backend)', [['Prefix', '/aaa']], ['/ccc'], 'default backend'],
  [
    'Mixed (prefers Exact)',
    [
      ['Prefix', '/foo'],
      ['Exact', '/foo'],
    ],
    ['/foo'],
    'Exact /foo',
  ],
];

describe('Ingress path matching: the table of the Kubernetes docs', () => {
  for (const [kind, paths, requests, expected] of TABLE) {
    for (const request of requests) {
      it(`${kind}: ${paths.map(([t, p]) => `${t} ${p}`).join(', ')} ← ${request}: ${expected}`, () => {
        assert.equal(taker(ingress(paths), request), expected);
      });
    }
  }
});

describe('Ingress path matching: beyond the table', () => {
  it('Exact is case-sensitive, and so is Prefix', () => {
    assert.equal(taker(ingress([['Exact', '/Foo']]), '/foo'), 'default backend');
    assert.equal(taker(ingress([['Prefix', '/Foo']]), '/foo/bar'), 'default backend');
  });
  it('Mixed in the other order: Exact still wins over an equally long Prefix', () => {
    assert.equal(
      taker(
        ingress([
          ['Exact', '/foo'],
          ['Prefix', '/foo'],
        ]),
        '/foo',
      ),
      'Exact /foo',
    );
  });
  it('the longest match wins over Exact: Exact / does not take /foo', () => {
    assert.equal(
      taker(
        ingress([
          ['Exact', '/'],
          ['Prefix', '/foo'],
        ]),
        '/foo',
      ),
      'Prefix /foo',
    );
    assert.equal(
      taker(
        ingress([
          ['Exact', '/'],
          ['Prefix', '/'],
        ]),
        '/',
      ),
      'Exact /',
    );
  });
  it('the query string is not part of the path', () => {
    assert.equal(taker(ingress([['Exact', '/search']]), '/search?q=books'), 'Exact /search');
  });
  it('ImplementationSpecific is matched as Prefix, and the trace says so', () => {
    const ws = ingress([['ImplementationSpecific', '/api']]);
    assert.equal(taker(ws, '/api/v1'), 'ImplementationSpecific /api');
    assert.equal(taker(ws, '/apiv1'), 'default backend');
    const t = (traceRequest(ws, 'http://x.example.com/api/v1') as RouteReport).traces[0];
    assert.ok(
      t.why.includes('ImplementationSpecific /api: matched as Prefix, as ingress-nginx does without regex annotations'),
      t.why.join('\n'),
    );
  });
});
