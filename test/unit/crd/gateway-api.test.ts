/**
 * The bundled Gateway API v1.6.1 CRDs: the Gateway API project's own examples are clean, its CEL rules
 * catch what they are written for, and a CRD of the group in the files replaces the bundled ones.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { Workspace, checkFile, checkWorkspace, withDefaults } from '../../../server/src/engine';
import { assertAnnotated, repoRoot } from '../../harness';

const examples = join(repoRoot(), 'test/fixtures/gateway-api/examples-standard');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(f) ? [p] : [];
  });
}

describe('Gateway API (bundled CRDs)', () => {
  it("the Gateway API project's standard examples (v1.6.1) give no finding but the Services and Gateways they leave out", () => {
    const files = yamlFiles(examples);
    assert.ok(files.length >= 60, `${files.length} example files`);
    const ws = new Workspace();
    for (const f of files) ws.setText(relative(examples, f), readFileSync(f, 'utf8'));
    const kinds = new Set([...ws.objects()].map((o) => o.kind));
    for (const k of [
      'Gateway',
      'HTTPRoute',
      'GRPCRoute',
      'ReferenceGrant',
      'GatewayClass',
      'BackendTLSPolicy',
      'ListenerSet',
      'TLSRoute',
    ])
      assert.ok(kinds.has(k), k);
    const thrown: string[] = [];
    const found = checkWorkspace(ws, {
      settings: withDefaults(),
      onRuleError: (rule, file, e) => thrown.push(`${rule.id} on ${file}: ${e}`),
    });
    assert.deepEqual(thrown, []);
    // The examples show routes, not the apps behind them: the backends' Services (and a few Gateways) are
    // not there, which is what these two warnings say. Nothing else may be reported.
    const absent = new Set(['route-backend-missing', 'route-parent-missing']);
    assert.deepEqual(
      found
        .filter((d) => !absent.has(d.code))
        .map((d) => `${d.file}:${d.range.start.line + 1} ${d.message} [${d.code}]`),
      [],
    );
    assert.ok(found.every((d) => d.severity === 'warning' && /which is not in the checked files/.test(d.message)));
    assert.ok(found.length > 20 && found.length < 100, `${found.length} absence warnings`);
  });

  it('CEL rules of the Gateway and HTTPRoute CRDs, on the element that fails them', () => {
    assertAnnotated(`apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw}
spec:
  gatewayClassName: example
  listeners:
  - {name: http, port: 80, protocol: HTTP}
  - name: web
#   ^^^^ error crd-cel: \`spec.listeners\`: Combination of port, protocol and hostname must be unique for each listener.
    port: 8080
    protocol: HTTP
  - name: web2
#   ^^^^ error crd-cel: \`spec.listeners\`: Combination of port, protocol and hostname must be unique for each listener.
    port: 8080
    protocol: HTTP
  - name: tls
#   ^^^^ error crd-cel: \`spec.listeners\`: tls mode must be set for protocol TLS.
    port: 443
    protocol: TLS
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r}
spec:
  parentRefs: [{name: gw}]
  rules:
  - matches:
    - path: {type: PathPrefix, value: /a//b}
#     ^^^^ error crd-cel: \`spec.rules[0].matches[0].path\`: must not contain '//' when type one of ['Exact', 'PathPrefix'].
    filters:
#   ^^^^^^^ error crd-cel: \`spec.rules[0].filters\`: May specify either httpRouteFilterRequestRedirect or httpRouteFilterRequestRewrite, but not both.
    - type: RequestRedirect
#     ^^^^ error crd-cel: \`spec.rules[0].filters[0]\`: filter.requestRedirect must be specified for RequestRedirect filter.type.
    - type: URLRewrite
#     ^^^^ error crd-cel: \`spec.rules[0].filters[1]\`: filter.urlRewrite must be specified for URLRewrite filter.type.
`);
  });

  it('Kubernetes CEL functions: isIP in TLSRoute hostnames; duplicate Gateway addresses', () => {
    assertAnnotated(`apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata: {name: t}
spec:
  parentRefs: [{name: gw}]
  hostnames: [db.example.com, 10.0.0.1]
#                             ^^^^^^^^ error crd-cel: \`spec.hostnames\`: Hostnames cannot contain an IP.
  rules: [{backendRefs: [{name: db, port: 5432}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw}
spec:
  gatewayClassName: example
  listeners: [{name: http, port: 80, protocol: HTTP}]
  addresses:
  - {type: IPAddress, value: 10.1.2.3}
#    ^^^^ error crd-cel: \`spec.addresses\`: IPAddress values must be unique.
  - {type: Hostname, value: Not_A_Host}
#    ^^^^ error crd-cel: \`spec.addresses[1]\`: Hostname value must be empty or contain only valid characters (matching ^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$).
  - {type: IPAddress, value: 10.1.2.3}
#    ^^^^ error crd-cel: \`spec.addresses\`: IPAddress values must be unique.
`);
  });

  it('a CRD of the group in the files replaces the bundled ones (other kinds of the group are then unknown)', () => {
    const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: httproutes.gateway.networking.k8s.io}
spec:
  group: gateway.networking.k8s.io
  names: {kind: HTTPRoute, plural: httproutes}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec: {type: object, x-kubernetes-preserve-unknown-fields: true, properties: {priority: {type: integer}}}
`;
    assertAnnotated({
      'crd.yaml': crd,
      'route.yaml': `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r}
spec:
  priority: high
#           ^^^^ error crd-schema-type: \`spec.priority\` must be an integer, not a string (\`high\`).
  rules: [{matches: [{path: {type: Bogus}}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw}
spec: {listeners: 3}
`,
    });
  });

  it('editing a CRD re-checks its objects in other files', () => {
    const ws = new Workspace();
    const crd = (type: string) => `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: things.example.com}
spec:
  group: example.com
  names: {kind: Thing, plural: things}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema: {openAPIV3Schema: {type: object, properties: {spec: {type: object, properties: {n: {type: ${type}}}}}}}
`;
    ws.setText('thing.yaml', 'apiVersion: example.com/v1\nkind: Thing\nmetadata: {name: t}\nspec: {n: 5}\n');
    assert.deepEqual(
      checkFile(ws, 'thing.yaml').map((d) => d.code),
      [],
    );
    ws.setText('crd.yaml', crd('string'));
    assert.deepEqual(
      checkFile(ws, 'thing.yaml').map((d) => d.code),
      ['crd-schema-type'],
    );
    ws.setText('crd.yaml', crd('integer'));
    assert.deepEqual(
      checkFile(ws, 'thing.yaml').map((d) => d.code),
      [],
    );
    ws.setText('crd.yaml', crd('boolean'));
    assert.deepEqual(
      checkFile(ws, 'thing.yaml').map((d) => d.code),
      ['crd-schema-type'],
    );
    ws.remove('crd.yaml');
    assert.deepEqual(
      checkFile(ws, 'thing.yaml').map((d) => d.code),
      [],
    );
  });
});
