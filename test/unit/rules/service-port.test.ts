import assert from 'node:assert/strict';
import { it } from 'node:test';
import { servicePort } from '../../../server/src/engine/rules/service-port';
import type { Diagnostic } from '../../../server/src/engine';
import { check, ruleTable } from '../../harness';

const H = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\n';

/** The text after applying one diagnostic's fix. */
function applyFix(text: string, d: Diagnostic): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...(d.fix?.edits ?? [])].reverse())
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

ruleTable(servicePort, {
  valid: [
    {
      name: 'port 10250 on a ClusterIP Service, targetPort 10250 on a LoadBalancer',
      yaml: `${H}spec:\n  ports:\n  - {name: a, port: 10250}\n---\n${H}spec:\n  type: LoadBalancer\n  ports:\n  - {name: a, port: 443, targetPort: 10250}\n`,
    },
    {
      name: 'ports and targetPorts',
      yaml: `${H}spec:\n  ports:\n  - {name: a, port: 1, targetPort: 65535}\n  - {name: b, port: 65535, targetPort: http}\n  - {name: c, port: 80, targetPort: web-api-2}\n  - {name: d, port: 81}\n`,
    },
    {
      name: 'targetPort 0 and "" default to port',
      yaml: `${H}spec:\n  ports:\n  - {name: a, port: 80, targetPort: 0}\n  - {name: b, port: 81, targetPort: ""}\n  - {name: c, port: 82, targetPort: null}\n`,
    },
    { name: "a quoted port is the schema walk's type error", yaml: `${H}spec:\n  ports:\n  - port: "80"\n` },
    {
      name: 'hex and octal numbers as YAML 1.1 reads them',
      yaml: `${H}spec:\n  ports:\n  - {name: a, port: 0x50, targetPort: 0x1F90}\n  - {name: b, port: 0755}\n`,
    },
    {
      name: "fractions and booleans are the schema walk's",
      yaml: `${H}spec:\n  ports:\n  - {port: 80, targetPort: 80.5}\n  - {port: 81, targetPort: true}\n`,
    },
    {
      name: 'ports through anchors and merge keys',
      yaml: `${H}x: &p {port: 80, targetPort: http}\nspec:\n  ports:\n  - *p\n  - <<: *p\n    port: 81\n`,
    },
    { name: 'a 15-character name', yaml: `${H}spec:\n  ports:\n  - {port: 80, targetPort: abcdefghij-1234}\n` },
  ],
  invalid: [
    {
      name: 'containerPort copied from a pod',
      yaml: `${H}spec:\n  ports:\n  - containerPort: 8080\n#   ^^^^^^^^^^^^^ error service-port: containerPort is a container field: a Service port is written \`port: 8080\` (the port clients connect to), with \`targetPort\` for the container's port.\n`,
    },
    {
      name: 'a LoadBalancer exposing the kubelet port',
      yaml: `${H}spec:\n  type: LoadBalancer\n  ports:\n  - {name: kubelet, port: 10250}\n#                         ^^^^^ error service-port: A LoadBalancer Service may not expose port 10250: the kubelet uses it on every node. Use another port (targetPort can stay 10250).\n`,
    },
    {
      name: 'port out of range',
      yaml: `${H}spec:
  ports:
  - port: 0
#         ^ error service-port: Service port 0 is out of range: use a port number from 1 to 65535.
  - port: 65536
#         ^^^^^ error service-port: Service port 65536 is out of range: use a port number from 1 to 65535.
  - {port: -1}
#          ^^ error service-port
`,
    },
    {
      name: 'numeric targetPort out of range',
      yaml: `${H}spec:
  ports:
  - port: 80
    targetPort: 70000
#               ^^^^^ error service-port: targetPort 70000 is out of range: use a container port number from 1 to 65535, or a container port name.
  - port: 81
    targetPort: -8080
#               ^^^^^ error service-port
`,
    },
    {
      name: 'a quoted number is a port name without a letter',
      yaml: `${H}spec:
  ports:
  - port: 80
    targetPort: "8080"
#               ^^^^^^ error service-port: targetPort "8080" is quoted, so Kubernetes reads it as a port name, and a port name needs a letter: write the number without quotes (targetPort: 8080).
  - port: 81
    targetPort: '99999'
#               ^^^^^^^ error service-port: targetPort "99999" is quoted, so Kubernetes reads it as a port name, and a port name needs a letter: use a container port number from 1 to 65535 without quotes.
`,
    },
    {
      name: 'invalid port names',
      yaml: `${H}spec:
  ports:
  - port: 80
    targetPort: HTTP
#               ^^^^ error service-port: targetPort \`HTTP\` is not a valid port name: must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-); must contain at least one letter (a-z). Use the container port's name or its number.
  - port: 81
    targetPort: web-metrics-port
#               ^^^^^^^^^^^^^^^^ error service-port: targetPort \`web-metrics-port\` is not a valid port name: must be no more than 15 characters. Use the container port's name or its number.
  - port: 82
    targetPort: web--api
#               ^^^^^^^^ error service-port: targetPort \`web--api\` is not a valid port name: must not contain consecutive hyphens. Use the container port's name or its number.
  - port: 83
    targetPort: -web
#               ^^^^ error service-port
  - port: 84
    targetPort: web_api
#               ^^^^^^^ error service-port
  - port: 85
    targetPort: "80-81"
#               ^^^^^^^ error service-port: targetPort \`80-81\` is not a valid port name: must contain at least one letter (a-z). Use the container port's name or its number.
`,
    },
  ],
});

it('service-port fixes: unquote a quoted number, lowercase a name', () => {
  const yaml = `${H}spec:\n  ports:\n  - port: 80\n    targetPort: "8080"\n  - port: 81\n    targetPort: Http\n  - port: 82\n    targetPort: '99999'\n`;
  const found = check(yaml, { rules: [servicePort] });
  assert.equal(found.length, 3);
  assert.equal(found[0].fix?.title, 'Write targetPort as the number 8080');
  assert.match(applyFix(yaml, found[0]), /\n {4}targetPort: 8080\n/);
  assert.match(applyFix(yaml, found[1]), /\n {4}targetPort: http\n/);
  assert.equal(found[2].fix, undefined);
});
