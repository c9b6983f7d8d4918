import { crdSchemaEnum } from '../../../server/src/engine/rules/crd-schema-enum';
import { ruleTable } from '../../harness';
import { GOOD_WIDGET, WIDGET_CRD } from '../crd/widget';

const widget = (size: string) => ({
  'crd.yaml': WIDGET_CRD,
  'w.yaml': `apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  size: ${size}\n`,
});

ruleTable(crdSchemaEnum, {
  valid: [{ name: 'a value of the enum', yaml: { 'crd.yaml': WIDGET_CRD, 'w.yaml': GOOD_WIDGET } }],
  invalid: [
    {
      name: 'wrong case',
      yaml: widget(
        'Small\n#       ^^^^^ error crd-schema-enum: `Small` must be written `small`: `spec.size` is case-sensitive.',
      ),
    },
    {
      name: 'a typo',
      yaml: widget(
        'mediun\n#       ^^^^^^ error crd-schema-enum: Unsupported value `mediun` for `spec.size`: did you mean `medium`?',
      ),
    },
    {
      name: 'another value',
      yaml: widget(
        'huge\n#       ^^^^ error crd-schema-enum: Unsupported value `huge` for `spec.size`: use small, medium or large.',
      ),
    },
  ],
});
