import assert from 'node:assert/strict';
import { it } from 'node:test';
import { schemaType } from '../../../server/src/engine/rules/schema-type';
import { check, ruleTable } from '../../harness';

const deployment = (podSpec: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
${podSpec.replace(/^/gm, '      ')}
`;

ruleTable(schemaType, {
  valid: [
    {
      name: 'int-or-string takes a number or a name',
      yaml: `apiVersion: v1
kind: Service
metadata: {name: s}
spec:
  ports: [{port: 80, targetPort: 8080}, {port: 443, targetPort: https}, {port: 81, targetPort: "8081"}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  strategy: {rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}}
  selector: {matchLabels: {app: d}}
  template:
    metadata: {labels: {app: d}}
    spec: {containers: [{name: c, image: i}]}
`,
    },
    {
      name: 'quantities as numbers and strings',
      yaml: deployment(`containers:
- name: c
  image: i
  resources:
    requests: {cpu: 0.25, memory: 64Mi, ephemeral-storage: 1G, nvidia.com/gpu: 1}
    limits: {cpu: "2", memory: 1.5Gi, hugepages-2Mi: 100Mi}
- name: d
  image: i
  resources: {limits: {cpu: 500m, memory: 1e9, ephemeral-storage: "128974848"}}`),
    },
    {
      name: 'nulls are read as absent',
      yaml: deployment(`containers:
- name: c
  image: i
  env: [{name: A, value: null}, {name: B, value: }]
  ports:
  resources: {}
  args: null`),
    },
    {
      name: 'YAML 1.1 booleans, octal modes, whole floats',
      yaml: deployment(`hostNetwork: yes
automountServiceAccountToken: off
terminationGracePeriodSeconds: 30.0
containers: [{name: c, image: i, stdin: True, tty: false}]
volumes:
- {name: v, secret: {secretName: s, defaultMode: 0400}}
- {name: w, configMap: {name: c, items: [{key: k, path: p, mode: 0755}]}}`),
    },
    {
      name: 'quoted strings where strings are expected',
      yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, labels: {version: "1.0"}, annotations: {port: "9090"}}\ndata: {port: "8080", enabled: "true", empty: ""}\n',
    },
    {
      name: 'timestamps, RawExtension and managedFields',
      yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  creationTimestamp: "2024-01-01T00:00:00Z"\n  managedFields: [{manager: kubectl, operation: Apply, fieldsType: FieldsV1, fieldsV1: {"f:data": {}}}]\n---\napiVersion: apps/v1\nkind: ControllerRevision\nmetadata: {name: r}\nrevision: 1\ndata: {spec: {anything: [1, true]}}\n',
    },
  ],
  invalid: [
    {
      name: 'every kind of wrong type',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web, version: 1.0}
#                             ^^^ error schema-type: Label \`version\` must be a string, but \`1.0\` is read as a number: quote it ("1.0").
  annotations:
    prometheus.io/port: 9090
#                       ^^^^ error schema-type: Annotation \`prometheus.io/port\` must be a string, but \`9090\` is read as a number: quote it ("9090").
    prometheus.io/scrape: "true"
spec:
  replicas: "3"
#           ^^^ error schema-type: \`replicas\` must be an integer, not a string: write 3 without quotes.
  revisionHistoryLimit: 2.5
#                       ^^^ error schema-type: \`revisionHistoryLimit\` must be a whole number, not \`2.5\`.
  strategy:
    rollingUpdate: {maxSurge: 25%, maxUnavailable: true}
#                                                  ^^^^ error schema-type: \`maxUnavailable\` must be an integer or a string, not a boolean (\`true\`).
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      hostNetwork: 1
#                  ^ error schema-type: \`hostNetwork\` must be a boolean (true or false), not a number (\`1\`).
      containers:
      - name: web
        image: nginx
        args: [--port, 8080]
#                      ^^^^ error schema-type: \`args[1]\` must be a string, but \`8080\` is read as a number: quote it ("8080").
        ports:
        - containerPort: "8080"
#                        ^^^^^^ error schema-type: \`containerPort\` must be an integer, not a string: write 8080 without quotes.
        env:
        - {name: A, value: 123}
#                          ^^^ error schema-type: \`value\` must be a string, but \`123\` is read as a number: quote it ("123").
        - {name: B, value: yes}
#                          ^^^ error schema-type: \`value\` must be a string, but \`yes\` is read as a boolean: quote it ("yes").
        - {name: C, value: "123"}
        - {name: D, value: null}
        - {name: E}
        resources:
          requests: {cpu: 0.5, memory: 512Mi}
          limits: {cpu: "1.5", memory: 512mb, ephemeral-storage: lots}
#                                      ^^^^^ error schema-type: \`512mb\` is not a valid quantity for \`limits.memory\`: did you mean \`512Mi\`?
#                                                                ^^^^ error schema-type: \`lots\` is not a valid quantity for \`limits.ephemeral-storage\`: use a number with an optional suffix, such as 500m, 2, 512Mi or 1Gi.
        volumeMounts:
        - {name: v, mountPath: /v, readOnly: "true"}
#                                            ^^^^^^ error schema-type: \`readOnly\` must be a boolean, not a string: write true without quotes.
        - {name: w, mountPath: /w, readOnly: yes}
        livenessProbe:
          httpGet: {path: /, port: 1.5}
#                                  ^^^ error schema-type: \`port\` must be an integer or a string, not a number (\`1.5\`).
          tcpSocket: {port: http}
      volumes:
      - name: v
        configMap: {name: c, defaultMode: 0644}
      - name: w
        emptyDir: {}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  ports: {port: 80}
#        ^^^^^^^^^^ error schema-type: \`ports\` must be a list ([]ServicePort), not a map.
---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: nginx
#             ^^^^^ error schema-type: \`containers\` must be a list ([]Container), not a string (\`nginx\`).
`,
    },
    {
      name: 'base64 fields (Secret data, caBundle)',
      yaml: `apiVersion: v1
kind: Secret
metadata: {name: s}
data:
  ok: aGVsbG8=
  wrapped: |
    aGVsbG8gd29y
    bGQ=
  empty: ""
  password: hunter2
#           ^^^^^^^ error schema-type: \`data.password\` must be base64-encoded, but \`hunter2\` is not valid base64: encode it, or put the plain text under \`stringData\`.
  unpadded: aGVsbG8
#           ^^^^^^^ error schema-type: \`data.unpadded\` must be base64-encoded, but \`aGVsbG8\` is not valid base64: encode it, or put the plain text under \`stringData\`.
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata: {name: v}
webhooks:
- name: v.example.com
  admissionReviewVersions: [v1]
  sideEffects: None
  clientConfig:
    url: https://example.com
    caBundle: "-----BEGIN CERTIFICATE-----"
#             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error schema-type: \`caBundle\` must be base64-encoded, but \`-----BEGIN CERTIFICATE-----\` is not valid base64: encode it.
`,
    },
  ],
});

it('schema-type: fixes remove quotes from numbers and quote numbers written for strings', () => {
  const ds = check(
    deployment('containers: [{name: c, image: i, env: [{name: A, value: 1.10}], ports: [{containerPort: "80"}]}]'),
    { rules: [schemaType] },
  );
  assert.deepEqual(
    ds.map((d) => [d.message, d.fix?.edits.map((e) => e.newText)]),
    [
      ['`value` must be a string, but `1.10` is read as a number: quote it ("1.10").', ['"1.10"']],
      ['`containerPort` must be an integer, not a string: write 80 without quotes.', ['80']],
    ],
  );
  assert.deepEqual(ds[1].fix?.edits[0].range, ds[1].range);
});
