/** Every Ingress rule reads malformed shapes without throwing (a throwing rule silently loses its findings). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Workspace, checkWorkspace } from '../../../server/src/engine';
import { INGRESS_RULES } from '../../../server/src/engine/rules/ingress';

const H = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\n';
const SHAPES = [
  'spec: null',
  'spec: []',
  'spec: 3',
  'spec: {rules: {a: 1}}',
  'spec: {rules: [null, 1, [], "x"]}',
  'spec: {rules: [{host: null, http: []}]}',
  'spec: {rules: [{http: {paths: "x"}}]}',
  'spec: {rules: [{http: {paths: [null, 1, {}]}}]}',
  'spec: {rules: [{http: {paths: [{path: [], pathType: {}, backend: []}]}}]}',
  'spec: {rules: [{http: {paths: [{path: 1, pathType: 2, backend: {service: [], resource: 1}}]}}]}',
  'spec: {defaultBackend: {service: {name: [], port: []}}}',
  'spec: {defaultBackend: {service: {name: web, port: {name: 1, number: x}}}}',
  'spec: {defaultBackend: {service: {name: web, port: {number: 1.5}}}}',
  'spec: {defaultBackend: {service: {name: web, port: {number: 99999999999999999999}}}}',
  'spec: {defaultBackend: "web"}',
  'spec: {backend: [1]}',
  'spec: {backend: {serviceName: [], servicePort: {}}}',
  'spec: {tls: [null, {hosts: "x", secretName: []}, {hosts: [null, 1, []]}]}',
  'spec: {tls: {hosts: []}}',
  'spec: {ingressClassName: []}',
  'spec: {ingressClassName: 1}',
  'spec: &s {rules: [{http: {paths: [{<<: *s}]}}]}',
];

describe('ingress rules on malformed shapes', () => {
  it('never throw', () => {
    const ws = new Workspace();
    SHAPES.forEach((shape, i) => ws.setText(`f${i}.yaml`, `${H}${shape}\n`));
    ws.setText(
      'svc.yaml',
      'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [null, {port: x}, {name: 1}]}\n',
    );
    const errors: string[] = [];
    checkWorkspace(ws, {
      rules: INGRESS_RULES,
      onRuleError: (rule, file, e) => errors.push(`${rule.id} ${file}: ${(e as Error).stack}`),
    });
    assert.deepEqual(errors, []);
  });
});
