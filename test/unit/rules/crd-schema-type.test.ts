import { crdSchemaType } from '../../../server/src/engine/rules/crd-schema-type';
import { ruleTable } from '../../harness';
import { GOOD_WIDGET, WIDGET_CRD } from '../crd/widget';

const widget = (spec: string) => ({
  'crd.yaml': WIDGET_CRD,
  'w.yaml': `apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  size: small\n${spec}`,
});

ruleTable(crdSchemaType, {
  valid: [
    { name: 'every type right', yaml: { 'crd.yaml': WIDGET_CRD, 'w.yaml': GOOD_WIDGET } },
    {
      name: 'int-or-string takes both; YAML 1.1 booleans; integers for a number',
      yaml: widget('  port: 8080\n  enabled: yes\n  ratio: 2\n'),
    },
    {
      name: 'a version that is not served is not validated',
      yaml: {
        'crd.yaml': WIDGET_CRD,
        'w.yaml': 'apiVersion: example.com/v1beta1\nkind: Widget\nmetadata: {name: w}\nspec: {minReplicas: many}\n',
      },
    },
  ],
  invalid: [
    {
      name: 'quoted numbers and booleans, numbers for strings, maps and lists in the wrong place',
      yaml: widget(`  minReplicas: "2"
#              ^^^ error crd-schema-type: \`spec.minReplicas\` must be an integer, not a string: write 2 without quotes.
  maxReplicas: 2.5
#              ^^^ error crd-schema-type: \`spec.maxReplicas\` must be an integer, not a number (\`2.5\`).
  enabled: "true"
#          ^^^^^^ error crd-schema-type: \`spec.enabled\` must be a boolean, not a string: write true without quotes.
  name: 123
#       ^^^ error crd-schema-type: \`spec.name\` must be a string, but \`123\` is read as a number: quote it ("123").
  port: 1.5
#       ^^^ error crd-schema-type: \`spec.port\` must be an integer or a string, not a number (\`1.5\`).
  labels: [a, b]
#         ^^^^^^ error crd-schema-type: \`spec.labels\` must be a map, not a list.
  tags: red
#       ^^^ error crd-schema-type: \`spec.tags\` must be a list, not a string (\`red\`).
  ports:
  - {name: http, number: "80"}
#                        ^^^^ error crd-schema-type: \`spec.ports[0].number\` must be an integer, not a string: write 80 without quotes.
`),
    },
  ],
});
