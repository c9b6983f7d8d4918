/** Completion and hover for custom resources, from their CRD's schema (in the files, or bundled). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { complete } from '../../../server/src/engine/editor/complete';
import { hover } from '../../../server/src/engine/editor/hover';
import { WIDGET_CRD } from '../crd/widget';
import { workspaceAt } from './fixture';

function items(files: Record<string, string> | string) {
  const { ws, path, lines, position } = workspaceAt(files);
  return complete(ws, path, lines, position)?.items ?? [];
}

function hoverText(files: Record<string, string> | string): string | undefined {
  const { ws, path, lines, position } = workspaceAt(files);
  return hover(ws, path, lines, position)?.markdown;
}

const ROUTE = (body: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: shop
  namespace: shop
spec:
${body}`;

describe('custom resources in the editor', () => {
  it('completes the keys of an HTTPRoute from the bundled CRD, with their types, without those already there', () => {
    const keys = items(ROUTE('  $0\n'));
    assert.deepEqual(
      keys.map((i) => i.label),
      ['hostnames', 'parentRefs', 'rules'],
    );
    assert.deepEqual(
      items(ROUTE('  hostnames: [a]\n  $0\n')).map((i) => i.label),
      ['parentRefs', 'rules'],
    );
    const rules = keys.find((i) => i.label === 'rules')!;
    assert.equal(rules.detail, '[]object');
    assert.equal(rules.insertText, 'rules:\n    - ');
    assert.match(rules.documentation ?? '', /list of HTTP matchers, filters and actions/i);
  });

  it('completes keys inside list items, and enum values', () => {
    const inMatch = items(ROUTE('  rules:\n  - matches:\n    - path:\n        $0\n'));
    assert.deepEqual(inMatch.map((i) => i.label).sort(), ['type', 'value']);
    const types = items(ROUTE('  rules:\n  - matches:\n    - path:\n        type: $0\n'));
    assert.deepEqual(
      types.map((i) => i.label),
      ['Exact', 'PathPrefix', 'RegularExpression'],
    );
  });

  it('offers the served versions of a CRD kind for apiVersion, and CRD kinds for new documents', () => {
    const versions = items('apiVersion: $0\nkind: HTTPRoute\n');
    assert.deepEqual(
      versions.map((i) => i.label),
      ['gateway.networking.k8s.io/v1', 'gateway.networking.k8s.io/v1beta1'],
    );
    const docs = items({ 'crd.yaml': WIDGET_CRD, 'new.yaml': '$0' });
    const widget = docs.find((i) => i.label === 'Widget');
    assert.ok(widget, 'Widget offered');
    assert.equal(widget.detail, 'example.com/v1');
    assert.ok(!docs.some((i) => i.detail === 'example.com/v1beta1'), 'a version that is not served is not offered');
    assert.ok(docs.some((i) => i.label === 'Gateway' && i.detail === 'gateway.networking.k8s.io/v1'));
  });

  it('hovers a field of a custom resource with its description, type, default and required mark', () => {
    const text = hoverText({
      'crd.yaml': WIDGET_CRD,
      'w.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  si$0ze: small\n',
    });
    assert.equal(text, '**size** `string` · required\n\nHow big it is.');
    const withDefault = hoverText({
      'crd.yaml': WIDGET_CRD,
      'w.yaml':
        'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  size: small\n  minRep$0licas: 2\n',
    });
    assert.equal(withDefault, '**minReplicas** `integer`\n\nDefault: `1`');
  });

  it('hovers metadata of a custom resource as ObjectMeta, and a Gateway listener field from the bundled CRD', () => {
    assert.match(
      hoverText(ROUTE('  hostnames: [a]\n').replace('  name: shop', '  na$0me: shop')) ?? '',
      /^\*\*name\*\* `string`\n\nName must be unique within a namespace/,
    );
    const gw = `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw}\nspec:\n  gatewayClassName: x\n  listeners:\n  - name: http\n    proto$0col: HTTP\n    port: 80\n`;
    assert.match(
      hoverText(gw) ?? '',
      /^\*\*protocol\*\* `string` · required\n\nProtocol specifies the network protocol this listener expects to receive\./,
    );
  });

  it('knows nothing of a kind no CRD defines', () => {
    assert.deepEqual(
      items('apiVersion: example.org/v1\nkind: Gadget\nmetadata: {name: g}\nspec:\n  $0\n').map((i) => i.label),
      [],
    );
    assert.equal(
      hoverText('apiVersion: example.org/v1\nkind: Gadget\nmetadata: {name: g}\nspec:\n  si$0ze: 1\n'),
      undefined,
    );
  });
});
