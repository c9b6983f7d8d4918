import { serviceSelectorLabels } from '../../../server/src/engine/rules/service-selector-labels';
import { ruleTable } from '../../harness';

const H = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\n';

ruleTable(serviceSelectorLabels, {
  valid: [
    {
      name: 'plain and prefixed keys, empty value',
      yaml: `${H}spec:\n  selector:\n    app: web\n    app.kubernetes.io/name: Web_App.v2\n    tier: ""\n`,
    },
    {
      name: 'selector from a merge key, empty selector',
      yaml: `${H}x: &l {app: web}\nspec:\n  selector:\n    <<: *l\n---\n${H}spec: {selector: {}}\n`,
    },
    { name: "a number value is the schema walk's", yaml: `${H}spec:\n  selector: {version: 2}\n` },
  ],
  invalid: [
    {
      name: 'matchLabels written the Deployment way',
      yaml: `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector:
    matchLabels: {app: web, tier: front}
#                ^^^^^^^^^^^^^^^^^^^^^^^ error service-selector-labels: A Service selector is a plain map of labels, not a label selector with matchLabels: write selector: {app: web, tier: front}.
  ports: [{port: 80}]
`,
    },
    {
      name: 'bad keys and values',
      yaml: `${H}spec:
  selector:
    my app: web
#   ^^^^^^ error service-selector-labels: Selector key \`my app\` is invalid: name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]').
    Example.com/name: web
#   ^^^^^^^^^^^^^^^^ error service-selector-labels
    app: web/frontend
#        ^^^^^^^^^^^^ error service-selector-labels: Selector value \`web/frontend\` is invalid: a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', or 'my_value', or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?').
    tier: -front
#         ^^^^^^ error service-selector-labels: Selector value \`-front\` is invalid: a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', or 'my_value', or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?').
`,
    },
  ],
});
