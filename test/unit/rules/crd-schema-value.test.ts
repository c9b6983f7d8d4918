import { crdSchemaValue } from '../../../server/src/engine/rules/crd-schema-value';
import { ruleTable } from '../../harness';
import { GOOD_WIDGET, WIDGET_CRD } from '../crd/widget';

const widget = (spec: string) => ({
  'crd.yaml': WIDGET_CRD,
  'w.yaml': `apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  size: small\n${spec}`,
});

ruleTable(crdSchemaValue, {
  valid: [
    { name: 'every value within its limits', yaml: { 'crd.yaml': WIDGET_CRD, 'w.yaml': GOOD_WIDGET } },
    {
      name: 'limits at their bounds; IPv6 for ipv4 or ipv6',
      yaml: widget(
        '  minReplicas: 0\n  maxReplicas: 10\n  name: abcdefgh\n  tags: [a, b, c]\n  address: "::ffff:10.0.0.1"\n',
      ),
    },
  ],
  invalid: [
    {
      name: 'bounds, lengths, patterns, formats, anyOf, item and entry counts',
      yaml: widget(`  minReplicas: -1
#              ^^ error crd-schema-value: \`spec.minReplicas\` must be at least 0, not -1.
  maxReplicas: 11
#              ^^ error crd-schema-value: \`spec.maxReplicas\` must be at most 10, not 11.
  ratio: 0
#        ^ error crd-schema-value: \`spec.ratio\` must be greater than 0, not 0.
  name: abcdefghi
#       ^^^^^^^^^ error crd-schema-value: \`spec.name\` must be at most 8 characters long, not 9.
  endpoint: 10.0.0.256
#           ^^^^^^^^^^ error crd-schema-value: \`spec.endpoint\` must be of format \`ipv4\`: \`10.0.0.256\` is not.
  address: example.com
#          ^^^^^^^^^^^ error crd-schema-value: \`spec.address\` must be of format \`ipv4\` or \`ipv6\`: \`example.com\` is not.
  tags: [a, b, c, d]
# ^^^^ error crd-schema-value: \`spec.tags\` must have at most 3 items, not 4.
  labels: {a: x, b: y, c: z}
# ^^^^^^ error crd-schema-value: \`spec.labels\` must have at most 2 entries, not 3.
`),
    },
    {
      name: 'a pattern (RE2, as the API server)',
      yaml: widget(
        '  name: Abc\n#       ^^^ error crd-schema-value: `spec.name` must match the pattern `^[a-z]+$`: `Abc` does not.\n',
      ),
    },
  ],
});
