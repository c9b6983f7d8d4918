/**
 * The language server re-checks only the files an edit may affect (engine/editor/affected.ts). This test
 * replays edits on a multi-file workspace, re-checking only the affected files, and compares the result
 * after every edit with a full check of the same files: any cross-file read a rule makes that the
 * dependents miss shows up here as a stale diagnostic.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Workspace, checkFile, checkWorkspace } from '../../../server/src/engine';
import type { Diagnostic } from '../../../server/src/engine';
import { affectedFiles, changedObjects } from '../../../server/src/engine/editor/affected';

const deploy = (name: string, ns: string, labels: string, port = 'http') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  selector:
    matchLabels: {${labels}}
  template:
    metadata:
      labels: {${labels}}
    spec:
      containers:
        - name: app
          image: nginx:1.27
          ports:
            - name: ${port}
              containerPort: 8080
`;

const service = (name: string, ns: string, selector: string, extra = '') => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  selector: {${selector}}
  ports:
    - name: http
      port: 80
      targetPort: http${extra}
`;

const ingress = (
  name: string,
  ns: string,
  backend: string,
  host = 'shop.example.com',
) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  rules:
    - host: ${host}
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: ${backend}
                port:
                  name: http
`;

const rolloutCrd = (templateType: string, version = 'v1alpha1') => `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: rollouts.argoproj.io}
spec:
  group: argoproj.io
  names: {kind: Rollout, plural: rollouts}
  scope: Namespaced
  versions:
  - name: ${version}
    served: true
    storage: true
    schema: {openAPIV3Schema: {type: object, properties: {spec: {type: object, properties: {template: {type: ${templateType}, x-kubernetes-preserve-unknown-fields: true}}}}}}
`;

const START: Record<string, string> = {
  'web/deploy.yaml': deploy('web', 'shop', 'app: web'),
  'web/service.yaml': service('web', 'shop', 'app: web'),
  'api/all.yaml': `${deploy('api', 'shop', 'app: api')}---\n${service('api', 'shop', 'app: api')}`,
  'routes.yaml': `${ingress('shop', 'shop', 'web')}---\n${ingress('api', 'shop', 'api', 'api.example.com')}`,
  'other/ns.yaml': `${deploy('web', 'other', 'app: web')}---\n${service('lonely', 'other', 'app: nothing')}`,
  'ports.yaml': service('np', 'shop', 'app: web', '\n      nodePort: 30080').replace(
    'spec:\n',
    'spec:\n  type: NodePort\n',
  ),
};

/** [file, new text or null to delete, what the edit is] */
const EDITS: [string, string | null, string][] = [
  ['web/deploy.yaml', deploy('web', 'shop', 'app: webx'), 'pod labels change: the Service selects nothing'],
  ['web/deploy.yaml', deploy('web', 'shop', 'app: web', 'web'), 'container port renamed: the named targetPort breaks'],
  ['web/deploy.yaml', deploy('web', 'shop', 'app: web'), 'and back'],
  [
    'web/service.yaml',
    service('web2', 'shop', 'app: web'),
    'Service renamed: the Ingress backend dangles, with a near-name hint',
  ],
  ['web/service.yaml', service('web', 'shop', 'app: web'), 'and back'],
  [
    'np2.yaml',
    service('np2', 'shop', 'app: api', '\n      nodePort: 30080').replace('spec:\n', 'spec:\n  type: NodePort\n'),
    'a second Service takes the same node port',
  ],
  [
    'other/ns.yaml',
    `${deploy('web', 'other', 'app: nothing')}---\n${service('lonely', 'other', 'app: nothing')}`,
    'pods appear for a Service in another namespace',
  ],
  ['dup.yaml', service('api', 'shop', 'app: api'), 'a duplicate object'],
  ['dup.yaml', `# moved\n\n${service('api', 'shop', 'app: api')}`, 'the duplicate moves down two lines'],
  [
    'api/all.yaml',
    `${deploy('api', 'other', 'app: api')}---\n${service('api', 'shop', 'app: api')}`,
    'a workload moves to another namespace',
  ],
  ['web/deploy.yaml', deploy('web', 'shop', 'app: web').replace('nginx:1.27', 'nginx:1.28'), 'an unrelated field'],
  [
    'routes.yaml',
    `${ingress('shop', 'shop', 'web')}---\n${ingress('api', 'shop', 'api', 'shop.example.com')}`,
    'two Ingresses share a host',
  ],
  ['web/service.yaml', null, 'the Service file is deleted'],
  [
    'kustomization.yaml',
    'resources: [web/deploy.yaml]\npatchesStrategicMerge: [api/all.yaml]\n',
    'a kustomization makes a file a patch',
  ],
  ['api/all.yaml', null, 'a file with two objects is deleted'],
  ['dup.yaml', 'not: [valid', 'a file becomes broken YAML'],
  [
    'rollout.yaml',
    'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: web, namespace: shop}\nspec:\n  template:\n    metadata:\n      labels: {app: api}\n',
    'pods of an unmodelled kind appear for the Service left without pods',
  ],
  [
    'rollout.yaml',
    'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: web, namespace: shop}\nspec:\n  template:\n    metadata:\n      labels: {app: gone}\n',
    'and go',
  ],
  ['crds/rollout.yaml', rolloutCrd('integer'), 'a CRD for the Rollout appears: its template is not a number'],
  ['crds/rollout.yaml', rolloutCrd('object'), 'the CRD is corrected'],
  ['crds/rollout.yaml', rolloutCrd('object', 'v2'), 'the CRD serves another version only'],
  ['crds/rollout.yaml', null, 'the CRD is deleted'],
  [
    'gateway.yaml',
    'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw, namespace: shop}\nspec: {listeners: []}\n',
    'a Gateway, checked against the bundled CRD',
  ],
  [
    'routes/httproute.yaml',
    'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r, namespace: other}\nspec:\n  parentRefs: [{name: gw, namespace: shop, sectionName: web}]\n  hostnames: [shop.example.com]\n  rules: [{backendRefs: [{name: web, namespace: shop, port: 80}, {name: lonely, port: 81}]}]\n',
    'an HTTPRoute to the Gateway, to a Service of another namespace and to one without that port',
  ],
  [
    'gateway.yaml',
    'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw, namespace: shop}\nspec:\n  gatewayClassName: x\n  listeners: [{name: web, port: 80, protocol: HTTP, hostname: "*.example.com", allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {gw: "yes"}}}}}]\n',
    'the Gateway gets the listener, for labelled namespaces',
  ],
  [
    'namespaces.yaml',
    'apiVersion: v1\nkind: Namespace\nmetadata: {name: other, labels: {gw: "yes"}}\n',
    'the route namespace gets the label',
  ],
  [
    'grants.yaml',
    'apiVersion: gateway.networking.k8s.io/v1beta1\nkind: ReferenceGrant\nmetadata: {name: g, namespace: shop}\nspec:\n  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: other}]\n  to: [{group: "", kind: Service}]\n',
    'a ReferenceGrant allows the cross-namespace backend',
  ],
  [
    'other/ns.yaml',
    `${deploy('web', 'other', 'app: nothing')}---\n${service('lonely', 'other', 'app: nothing').replace('port: 80', 'port: 81')}`,
    'the Service gets the port the route names',
  ],
  [
    'gateway.yaml',
    'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw, namespace: shop}\nspec:\n  gatewayClassName: x\n  listeners: [{name: web, port: 80, protocol: HTTP, hostname: "*.example.org"}]\n',
    'the listener changes hostname and namespaces',
  ],
  [
    'crds/gateway.yaml',
    rolloutCrd('object')
      .replace(/argoproj\.io/g, 'gateway.networking.k8s.io')
      .replace(/Rollout/g, 'Other')
      .replace(/rollouts/g, 'others'),
    'a CRD of the Gateway API group replaces the bundled ones',
  ],
];

const show = (d: Diagnostic) => `${d.file}:${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`;

describe('affected files', () => {
  it('re-checking only the affected files gives what a full check gives, after every edit', () => {
    const ws = new Workspace();
    for (const [p, t] of Object.entries(START)) ws.setText(p, t);
    const current = new Map<string, Diagnostic[]>();
    for (const p of ws.paths) current.set(p, checkFile(ws, p));
    const files = { ...START };
    for (const [path, text, what] of EDITS) {
      const old = ws.file(path);
      let affected: Set<string>;
      if (text === null) {
        ws.remove(path);
        delete files[path];
        current.delete(path);
        affected = affectedFiles(ws, path, old?.objects ?? []);
        affected.delete(path);
      } else {
        const model = ws.setText(path, text);
        files[path] = text;
        const { changed, moved } = changedObjects(old?.objects ?? [], model.objects);
        affected = affectedFiles(ws, path, changed, moved);
      }
      for (const p of affected) if (ws.file(p)) current.set(p, checkFile(ws, p));
      const fresh = new Workspace();
      for (const [p, t] of Object.entries(files)) fresh.setText(p, t);
      const expected = checkWorkspace(fresh).map(show).sort();
      const incremental = [...current.values()].flat().map(show).sort();
      assert.deepEqual(incremental, expected, `after: ${what}`);
    }
  });

  it('an edit in a Deployment re-checks what selects its pods, not the rest', () => {
    const ws = new Workspace();
    for (const [p, t] of Object.entries(START)) ws.setText(p, t);
    const old = ws.file('web/deploy.yaml')!;
    const model = ws.setText('web/deploy.yaml', START['web/deploy.yaml'].replace('nginx:1.27', 'nginx:1.28'));
    const { changed, moved } = changedObjects(old.objects, model.objects);
    assert.equal(changed.length, 2); // the old and the new Deployment
    assert.deepEqual([...affectedFiles(ws, 'web/deploy.yaml', changed, moved)].sort(), [
      'ports.yaml',
      'routes.yaml',
      'web/deploy.yaml',
      'web/service.yaml',
    ]);
  });

  it('text that did not change is no change', () => {
    const ws = new Workspace();
    const a = ws.setText('a.yaml', START['api/all.yaml']).objects;
    const b = ws.setText('a.yaml', START['api/all.yaml']).objects;
    assert.deepEqual(changedObjects(a, b), { changed: [], moved: [] });
    assert.deepEqual([...affectedFiles(ws, 'a.yaml', [], [])], ['a.yaml']);
  });
});
