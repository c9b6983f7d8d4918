import { crdSchemaRequired } from '../../../server/src/engine/rules/crd-schema-required';
import { ruleTable } from '../../harness';
import { GOOD_WIDGET, WIDGET_CRD } from '../crd/widget';

ruleTable(crdSchemaRequired, {
  valid: [
    { name: 'every required field there', yaml: { 'crd.yaml': WIDGET_CRD, 'w.yaml': GOOD_WIDGET } },
    {
      name: 'a kustomize patch is partial on purpose',
      yaml: {
        'crd.yaml': WIDGET_CRD,
        'k/kustomization.yaml': 'resources: [w.yaml]\npatches:\n- path: patch.yaml\n',
        'k/patch.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {maxReplicas: 5}\n',
      },
    },
  ],
  invalid: [
    {
      name: 'missing on the parent key, or on the first key of a list item; an embedded resource needs apiVersion and kind',
      yaml: {
        'crd.yaml': WIDGET_CRD,
        'w.yaml': `apiVersion: v1
kind: List
items:
- apiVersion: example.com/v1
  kind: Widget
  metadata: {name: w}
  spec:
# ^^^^ error crd-schema-required: Missing required field \`size\` in \`spec\`.
    ports:
    - number: 8080
#     ^^^^^^ error crd-schema-required: Missing required field \`name\` in \`spec.ports[0]\`.
    template:
#   ^^^^^^^^ error crd-schema-required: Missing required field \`apiVersion\` in \`spec.template\`.
#   ^^^^^^^^ error crd-schema-required: Missing required field \`kind\` in \`spec.template\`.
      data: {}
`,
      },
    },
  ],
});
