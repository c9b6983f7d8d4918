import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { definition, references } from '../../../server/src/engine/editor/navigate';
import type { Location } from '../../../server/src/engine/editor/traffic';
import { SHOP_WEB_DEPLOYMENT, workspaceAt } from './fixture';

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
`;

const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: shop
spec:
  defaultBackend:
    service:
      name: web
      port:
        number: 80
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

const at = (l: Location) =>
  `${l.file}:${l.range.start.line}:${l.range.start.character}-${l.range.end.line}:${l.range.end.character}`;

function defs(files: Record<string, string>): string[] {
  const { ws, path, lines, position } = workspaceAt(files);
  return definition(ws, path, lines, position).map(at);
}

describe('definition', () => {
  it('from an Ingress backend to the Service, and from its port to the Service port', () => {
    assert.deepEqual(
      defs({
        'd.yaml': DEPLOY,
        's.yaml': SERVICE,
        'i.yaml': INGRESS.replace('                name: web', '                name: w$0eb'),
      }),
      ['s.yaml:3:8-3:11'],
    );
    assert.deepEqual(defs({ 's.yaml': SERVICE, 'i.yaml': INGRESS.replace('name: http', 'name: h$0ttp') }), [
      's.yaml:9:12-9:16',
    ]);
    assert.deepEqual(defs({ 's.yaml': SERVICE, 'i.yaml': INGRESS.replace('number: 80', 'number: 8$00') }), [
      's.yaml:10:12-10:14',
    ]);
  });
  it('from a Service selector to the pod template labels, from a targetPort to the container port', () => {
    assert.deepEqual(defs({ 'd.yaml': DEPLOY, 's.yaml': SERVICE.replace('app: web', 'a$0pp: web') }), [
      'd.yaml:12:8-13:0',
    ]);
    assert.deepEqual(defs({ 'd.yaml': DEPLOY, 's.yaml': SERVICE.replace('targetPort: http', 'targetPort: ht$0tp') }), [
      'd.yaml:18:20-18:24',
    ]);
    assert.deepEqual(defs({ 'd.yaml': DEPLOY, 's.yaml': SERVICE.replace('targetPort: http', 'targetPort: 80$080') }), [
      'd.yaml:19:29-19:33',
    ]);
  });
  it('nothing for a Service that is not there', () => {
    assert.deepEqual(
      defs({ 'i.yaml': INGRESS.replace('                name: web', '                name: w$0eb') }),
      [],
    );
  });
});

describe('references', () => {
  const other = INGRESS.replace('name: shop', 'name: admin').replace(
    'defaultBackend:\n    service:\n      name: web\n      port:\n        number: 80\n  ',
    '',
  );
  it('from a Service to every Ingress backend that routes to it', () => {
    const { ws, path, lines, position } = workspaceAt({
      's.yaml': SERVICE.replace('  name: web', '  name: w$0eb'),
      'i.yaml': INGRESS,
      'j.yaml': other,
    });
    assert.deepEqual(references(ws, path, lines, position, false).map(at), [
      'i.yaml:8:12-8:15',
      'i.yaml:18:22-18:25',
      'j.yaml:13:22-13:25',
    ]);
    assert.deepEqual(references(ws, path, lines, position, true).map(at)[0], 's.yaml:3:8-3:11');
  });
  it('from a backend: the other backends routing to the same Service', () => {
    const { ws, path, lines, position } = workspaceAt({
      's.yaml': SERVICE,
      'i.yaml': INGRESS,
      'j.yaml': other.replace('                name: web', '                name: $0web'),
    });
    assert.deepEqual(references(ws, path, lines, position, false).map(at), [
      'i.yaml:8:12-8:15',
      'i.yaml:18:22-18:25',
      'j.yaml:13:22-13:25',
    ]);
  });
});
