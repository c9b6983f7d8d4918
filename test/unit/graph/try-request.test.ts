/** The diagram page's "Try a request": its script is valid JavaScript with the engine's matchers inlined, and the routing table cannot break out of it. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderPage } from '../../../server/src/engine/graph/html';
import { TRY_REQUEST_SCRIPT, routesStatement } from '../../../server/src/engine/graph/tryRequest';
import { Workspace } from '../../../server/src/engine/model/workspace';
import { MATCHERS, buildRoutingTable, parseRequest, traceTable } from '../../../server/src/engine/route';
import type { HttpRequest, RouteMatcherFn, RoutingTable, Trace } from '../../../server/src/engine/route';

const HOSTILE = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: evil, namespace: shop}
spec:
  rules:
  - host: books.example.com
    http:
      paths:
      - {path: "/</script><script>alert(1)</script>\\u2028", pathType: ImplementationSpecific, backend: {service: {name: web, port: {number: 80}}}}
`;

function table(): RoutingTable {
  const ws = new Workspace();
  ws.setText('evil.yaml', HOSTILE);
  return buildRoutingTable(ws);
}

describe('Try a request in the page', () => {
  it('the page has one script, and manifests text cannot end it', () => {
    const page = renderPage({ nonce: 'n0nce', title: 't', svg: '<svg class="kw-graph"></svg>', routes: table() });
    assert.equal(page.match(/<script/gi)?.length, 1);
    assert.equal(page.match(/<\/script/gi)?.length, 1);
    assert.ok(!page.includes('\u2028'));
  });

  it('the routing table statement gives back the table', () => {
    const t = table();
    const window: { kubewayRoutes?: unknown } = {};
    new Function('window', routesStatement(t))(window);
    assert.deepEqual(window.kubewayRoutes, t);
  });

  it("the inlined matchers are the engine's, and trace in the page as they do in the CLI", () => {
    // The script's functions, taken out of it and run on the same table and request as the engine's.
    const grab = new Function(
      `${TRY_REQUEST_SCRIPT.replace(/^\(function \(\) \{/, 'return (function () {').replace(/\}\)\(\);\s*$/, '  return { parseRequest, traceTable, MATCHERS }; })();')}`,
    ) as () => {
      parseRequest: typeof parseRequest;
      traceTable: (t: RoutingTable, r: HttpRequest, m: Record<string, RouteMatcherFn>) => Trace[];
      MATCHERS: Record<string, RouteMatcherFn>;
    };
    const doc = { getElementById: () => ({ addEventListener() {}, querySelector: () => null }) };
    const win = { addEventListener() {} };
    const page = new Function('document', 'window', `return (${grab.toString()})();`)(doc, win) as ReturnType<
      typeof grab
    >;
    const t = table();
    for (const url of [
      'https://books.example.com/</script><script>alert(1)</script>%E2%80%A8/x',
      'http://books.example.com/',
      'http://web.shop.svc/',
    ]) {
      const req = parseRequest(url) as HttpRequest;
      assert.deepEqual(page.parseRequest(url), req);
      assert.deepEqual(page.traceTable(t, req, page.MATCHERS), traceTable(t, req, MATCHERS));
    }
  });
});
