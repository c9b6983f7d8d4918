import { crdSchemaList } from '../../../server/src/engine/rules/crd-schema-list';
import { ruleTable } from '../../harness';
import { GOOD_WIDGET, WIDGET_CRD } from '../crd/widget';

const widget = (spec: string) => ({
  'crd.yaml': WIDGET_CRD,
  'w.yaml': `apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  size: small\n${spec}`,
});

ruleTable(crdSchemaList, {
  valid: [
    { name: 'distinct items and keys', yaml: { 'crd.yaml': WIDGET_CRD, 'w.yaml': GOOD_WIDGET } },
    {
      name: 'equal values of other fields in a map list',
      yaml: widget('  ports:\n  - {name: a, number: 2000}\n  - {name: b, number: 2000}\n'),
    },
  ],
  invalid: [
    {
      name: 'a repeated set item and a repeated map-list key, on the second occurrence',
      yaml: widget(`  tags: [red, green, red]
#                    ^^^ error crd-schema-list: Duplicate value in \`spec.tags\`: item 2 repeats item 0 (\`red\`); the list is a set.
  ports:
  - name: http
    number: 8080
  - name: http
#         ^^^^ error crd-schema-list: Duplicate entry in \`spec.ports\`: item 1 has the same name=http as item 0.
    number: 9090
`),
    },
  ],
});
