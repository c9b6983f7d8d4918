import { crdCel } from '../../../server/src/engine/rules/crd-cel';
import { ruleTable } from '../../harness';
import { GOOD_WIDGET, WIDGET_CRD } from '../crd/widget';

const widget = (spec: string, specNote = '') => ({
  'crd.yaml': WIDGET_CRD,
  'w.yaml': `apiVersion: v1\nkind: List\nitems:\n- apiVersion: example.com/v1\n  kind: Widget\n  metadata: {name: w}\n  spec:\n${specNote}    size: small\n${spec}`,
});

ruleTable(crdCel, {
  valid: [
    {
      name: 'every rule holds; the transition rule (oldSelf) is not run',
      yaml: { 'crd.yaml': WIDGET_CRD, 'w.yaml': GOOD_WIDGET },
    },
    { name: 'defaults are applied before the rules run (1 <= 3)', yaml: widget('') },
    { name: 'a default makes the rule hold (maxReplicas 3)', yaml: widget('    minReplicas: 3\n') },
  ],
  invalid: [
    {
      name: 'a rule on a map, with a default in it; rules over lists and map keys on the elements that fail',
      yaml: widget(
        `    minReplicas: 5
    labels: {abc: x, toolong: q}
#                    ^^^^^^^ error crd-cel: \`spec.labels\`: label keys are at most 5 characters.
    ports:
    - {name: http, number: 8080}
    - {name: low, number: 80}
#      ^^^^ error crd-cel: \`spec.ports\`: port numbers must be above 1024 (2 ports).
`,
        '# ^^^^ error crd-cel: `spec`: minReplicas must not exceed maxReplicas.\n',
      ),
    },
  ],
});
