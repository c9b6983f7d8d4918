import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Workspace } from '../../../server/src/engine';
import { documentSymbols, workspaceSymbols } from '../../../server/src/engine/editor/symbols';

const TEXT = `# comment
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
---
not: kubernetes
---
apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ConfigMap
    metadata: {name: web-config}
  - apiVersion: apps/v1
    kind: Deployment
    metadata: {name: api}
`;

describe('symbols', () => {
  const ws = new Workspace();
  ws.setText('a.yaml', TEXT);
  ws.setText('b.yaml', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: webhook-tls\n');
  it('one per object, Kind/name, ranges of the object and of its name', () => {
    const syms = documentSymbols(ws, 'a.yaml');
    assert.deepEqual(
      syms.map((s) => [
        s.name,
        s.detail,
        s.range.start.line,
        s.range.end.line,
        s.selectionRange.start.line,
        s.selectionRange.start.character,
      ]),
      [
        ['Service/web', 'v1 · shop', 1, 6, 4, 8],
        ['ConfigMap/web-config', 'v1', 12, 15, 14, 21],
        ['Deployment/api', 'apps/v1', 15, 18, 17, 21],
      ],
    );
  });
  it('workspace symbols by name: prefix matches first', () => {
    assert.deepEqual(
      workspaceSymbols(ws, 'web').map((s) => s.name),
      ['ConfigMap/web-config', 'Secret/webhook-tls', 'Service/web'],
    );
    assert.deepEqual(
      workspaceSymbols(ws, 'WBTLS').map((s) => s.name),
      ['Secret/webhook-tls'],
    );
    assert.deepEqual(
      workspaceSymbols(ws, 'deploy').map((s) => s.name),
      ['Deployment/api'],
    );
    assert.equal(workspaceSymbols(ws, '').length, 4);
  });
});
