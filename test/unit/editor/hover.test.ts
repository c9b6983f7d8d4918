import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hover } from '../../../server/src/engine/editor/hover';
import { SHOP_WEB_DEPLOYMENT, workspaceAt } from './fixture';

function hoverText(files: Record<string, string> | string): string | undefined {
  const { ws, path, lines, position } = workspaceAt(files);
  return hover(ws, path, lines, position)?.markdown;
}

const DEPLOY = SHOP_WEB_DEPLOYMENT;

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: http
    - name: metrics
      port: 9090
`;

const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: shop
spec:
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  name: http
`;

describe('hover', () => {
  it('documents a field from the schema, with its type and a link to the API reference', () => {
    const text = hoverText(DEPLOY.replace('containerPort: 8080', 'contain$0erPort: 8080'));
    assert.match(text ?? '', /^\*\*containerPort\*\* `integer` · required\n\n.*port/s);
    assert.match(
      text ?? '',
      /\[Deployment API reference\]\(https:\/\/kubernetes\.io\/docs\/reference\/generated\/kubernetes-api\/v1\.\d+\/#deployment-v1-apps\)/,
    );
  });
  it('explains a value of a fixed set', () => {
    assert.match(
      hoverText(SERVICE.replace('spec:\n', 'spec:\n  type: Node$0Port\n')) ?? '',
      /`NodePort`: ClusterIP, plus the same port opened on every node/,
    );
  });
  it('on a Service selector: the workloads it selects', () => {
    const text = hoverText({ 'd.yaml': DEPLOY, 's.yaml': SERVICE.replace('  selector:', '  sel$0ector:') }) ?? '';
    assert.equal(
      text.split('\n')[0],
      'selector `app=web` → pods of Deployment `web`, d.yaml:4',
      'what it resolves to comes first',
    );
    assert.match(text, /\n---\n\n\*\*selector\*\* `map\[string\]string`/, 'the API documentation follows');
    assert.match(
      hoverText({ 'd.yaml': DEPLOY, 's.yaml': SERVICE.replace('app: web', 'app: w$0eb2') }) ?? '',
      /^selector `app=web2` → no pods: no workload in namespace `shop` has these labels\./,
    );
  });
  it('on a targetPort: the container port it resolves to', () => {
    const text = hoverText({ 'd.yaml': DEPLOY, 's.yaml': SERVICE.replace('targetPort: http', 'target$0Port: http') });
    const containerPortLine = DEPLOY.split('\n').findIndex((l) => l.includes('- name: http')) + 1;
    assert.equal(
      text?.split('\n')[0],
      `targetPort \`http\` → container port 8080/TCP of Deployment \`web\`, d.yaml:${containerPortLine}`,
    );
    assert.match(text ?? '', /\n---\n\n\*\*targetPort\*\* `IntOrString`/, 'the API documentation follows');
    const wrong = hoverText({ 'd.yaml': DEPLOY, 's.yaml': SERVICE.replace('targetPort: http', 'targetPort: ht$0pp') });
    assert.equal(
      wrong?.split('\n')[0],
      'targetPort `htpp` → no container port named `htpp` (TCP) in Deployment `web`, d.yaml:4',
    );
  });
  it('on an Ingress backend: the Service and the pods behind it', () => {
    const text = hoverText({
      'd.yaml': DEPLOY,
      's.yaml': SERVICE,
      'i.yaml': INGRESS.replace('name: web', 'name: w$0eb'),
    });
    const lines = (text ?? '').split('\n');
    assert.equal(lines[0], 'backend → port `http` (80/TCP) of Service `web`, s.yaml:10  ');
    assert.match(lines[1], /^targetPort `http` → container port 8080\/TCP of Deployment `web`, d\.yaml:19$/);
    assert.doesNotMatch(text ?? '', /Service `?Service/, 'says Service once');
    const missing = hoverText({ 'i.yaml': INGRESS.replace('name: http', 'name: ht$0tp') });
    assert.match(missing ?? '', /^backend → Service `web`: not declared in namespace `shop` in the workspace\./);
  });
  it('nothing on blank space or comments', () => {
    assert.equal(hoverText(SERVICE.replace('spec:\n', 'spec:\n  # a $0comment\n')), undefined);
    assert.equal(hoverText(SERVICE.replace('spec:\n', 'spec:\n  $0\n')), undefined);
  });
  it('inside an item of a `kind: List`', () => {
    const list =
      'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Service\n    metadata: {name: b}\n    spec:\n      session$0Affinity: None\n';
    assert.match(hoverText(list) ?? '', /^\*\*sessionAffinity\*\* `string`/);
  });
});
