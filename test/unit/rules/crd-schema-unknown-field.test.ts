import { crdSchemaUnknownField } from '../../../server/src/engine/rules/crd-schema-unknown-field';
import { ruleTable } from '../../harness';
import { GOOD_WIDGET, WIDGET_CRD } from '../crd/widget';

ruleTable(crdSchemaUnknownField, {
  valid: [
    {
      name: 'every declared field, preserved unknown fields, an embedded resource, status under a status subresource',
      yaml: { 'crd.yaml': WIDGET_CRD, 'w.yaml': GOOD_WIDGET },
    },
    {
      name: 'a kind no CRD defines is not reported',
      yaml: 'apiVersion: example.org/v1\nkind: Gadget\nmetadata: {name: g}\nspec: {whatever: 1}\n',
    },
    {
      name: 'a built-in kind is left to the built-in schema',
      yaml: {
        'crd.yaml': WIDGET_CRD,
        'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: b}\n',
      },
    },
    {
      name: 'strategic-merge directives in a kustomize patch',
      yaml: {
        'crd.yaml': WIDGET_CRD,
        'k/kustomization.yaml': 'resources: [w.yaml]\npatches:\n- path: patch.yaml\n',
        'k/patch.yaml':
          'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  ports:\n  - {name: admin, $patch: delete}\n',
      },
    },
    {
      name: 'a null value is pruned',
      yaml: {
        'crd.yaml': WIDGET_CRD,
        'w.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  size: small\n  name:\n',
      },
    },
  ],
  invalid: [
    {
      name: 'misspelt and unknown fields, on the key, at every level',
      yaml: {
        'crd.yaml': WIDGET_CRD,
        'w.yaml': `apiVersion: example.com/v1
kind: Widget
metadata: {name: w}
spec:
  size: small
  minReplica: 1
# ^^^^^^^^^^ error crd-schema-unknown-field: Unknown field \`minReplica\` in \`spec\` of Widget: did you mean \`minReplicas\`?
  colour: blue
# ^^^^^^ error crd-schema-unknown-field: Unknown field \`colour\` in \`spec\` of Widget: the API server rejects fields the CRD's schema does not declare.
  ports:
  - {name: http, numbr: 8080}
#                ^^^^^ error crd-schema-unknown-field: Unknown field \`numbr\` in \`spec.ports[0]\` of Widget: did you mean \`number\`?
`,
        'list.yaml': `apiVersion: v1
kind: List
items:
- apiVersion: example.com/v1
  kind: Widget
  metadata: {name: w2}
  specs: {size: small}
# ^^^^^ error crd-schema-unknown-field: Unknown field \`specs\` in Widget: did you mean \`spec\`?
`,
      },
    },
  ],
});
