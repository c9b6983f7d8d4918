import assert from 'node:assert/strict';
import { it } from 'node:test';
import { schemaEnum } from '../../../server/src/engine/rules/schema-enum';
import { check, ruleTable } from '../../harness';

ruleTable(schemaEnum, {
  valid: [
    {
      name: 'every value in exact case',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  restartPolicy: OnFailure
  dnsPolicy: ClusterFirstWithHostNet
  containers:
  - name: c
    image: nginx
    imagePullPolicy: Always
    terminationMessagePolicy: FallbackToLogsOnError
    ports: [{containerPort: 53, protocol: UDP}, {containerPort: 80, protocol: TCP}, {containerPort: 9, protocol: SCTP}]
  tolerations:
  - {operator: Exists}
  - {key: k, operator: Equal, value: v, effect: PreferNoSchedule}
  topologySpreadConstraints:
  - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway, labelSelector: {matchLabels: {a: b}}}
  securityContext: {seccompProfile: {type: RuntimeDefault}}
`,
    },
    {
      name: 'an empty string means "not set"',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: i, imagePullPolicy: ""}]\n  tolerations: [{key: k, operator: Exists, effect: ""}]\n  volumes: [{name: h, hostPath: {path: /d, type: ""}}]\n',
    },
    {
      name: 'fields that are free strings',
      yaml: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  trafficDistribution: PreferSameZone\n  ports: [{port: 80, appProtocol: kubernetes.io/h2c}]\n',
    },
  ],
  invalid: [
    {
      name: 'case, typos and unknown values, in fields and in lists',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  restartPolicy: always
#                ^^^^^^ error schema-enum: \`always\` must be written \`Always\`: \`restartPolicy\` is case-sensitive.
  dnsPolicy: ClusterFirstWithHostNetwork
#            ^^^^^^^^^^^^^^^^^^^^^^^^^^^ error schema-enum: Unsupported value \`ClusterFirstWithHostNetwork\` for \`dnsPolicy\`: use ClusterFirst, ClusterFirstWithHostNet, Default or None.
  containers:
  - name: c
    image: nginx
    imagePullPolicy: IfNotPresnt
#                    ^^^^^^^^^^^ error schema-enum: Unsupported value \`IfNotPresnt\` for \`imagePullPolicy\`: did you mean \`IfNotPresent\`?
    terminationMessagePolicy: Sometimes
#                             ^^^^^^^^^ error schema-enum: Unsupported value \`Sometimes\` for \`terminationMessagePolicy\`: use FallbackToLogsOnError or File.
    ports:
    - {containerPort: 80, protocol: tcp}
#                                   ^^^ error schema-enum: \`tcp\` must be written \`TCP\`: \`protocol\` is case-sensitive.
  tolerations:
  - {key: k, operator: exists, effect: NoSchedule}
#                      ^^^^^^ error schema-enum: \`exists\` must be written \`Exists\`: \`operator\` is case-sensitive.
  - {key: k, operator: Equal, value: v, effect: ""}
  volumes:
  - name: h
    hostPath: {path: /data, type: ""}
  - name: g
    hostPath: {path: /data, type: directory}
#                                 ^^^^^^^^^ error schema-enum: \`directory\` must be written \`Directory\`: \`type\` is case-sensitive.
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: c}
spec:
  accessModes: [ReadWriteOnce, readwritemany]
#                              ^^^^^^^^^^^^^ error schema-enum: \`readwritemany\` must be written \`ReadWriteMany\`: \`accessModes[1]\` is case-sensitive.
  resources: {requests: {storage: 1Gi}}
`,
    },
  ],
});

it('schema-enum: the fix writes the suggested value', () => {
  const [d] = check(
    'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: i, imagePullPolicy: "ifnotpresent"}]\n',
    { rules: [schemaEnum] },
  );
  assert.equal(d.message, '`ifnotpresent` must be written `IfNotPresent`: `imagePullPolicy` is case-sensitive.');
  assert.deepEqual(d.fix, { title: 'Change to IfNotPresent', edits: [{ range: d.range, newText: 'IfNotPresent' }] });
  assert.equal(d.range.end.character - d.range.start.character, '"ifnotpresent"'.length);
});
