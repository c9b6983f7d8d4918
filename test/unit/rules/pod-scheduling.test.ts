import { podScheduling } from '../../../server/src/engine/rules/pod-scheduling';
import { ruleTable } from '../../harness';

const pod = (spec: string) => `apiVersion: v1
kind: Pod
metadata: {name: p, labels: {app: p}}
spec:
  containers: [{name: c, image: i}]
${spec}
`;

ruleTable(podScheduling, {
  valid: [
    {
      name: 'tolerations of every shape',
      yaml: pod(`  tolerations:
    - operator: Exists
    - {key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}
    - {key: dedicated, operator: Equal, value: gpu, effect: NoSchedule}
    - {key: dedicated, value: gpu}
    - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 30}`),
    },
    {
      name: 'spread constraints and affinity',
      yaml: pod(`  topologySpreadConstraints:
    - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, minDomains: 2, labelSelector: {matchLabels: {app: p}}}
    - {maxSkew: 2, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway}
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
          - matchExpressions:
              - {key: kubernetes.io/arch, operator: In, values: [amd64, arm64]}
              - {key: example.com/cores, operator: Gt, values: ["4"]}
      preferredDuringSchedulingIgnoredDuringExecution:
        - weight: 1
          preference: {matchExpressions: [{key: disktype, operator: Exists}]}
    podAntiAffinity:
      preferredDuringSchedulingIgnoredDuringExecution:
        - weight: 100
          podAffinityTerm:
            topologyKey: kubernetes.io/hostname
            labelSelector: {matchExpressions: [{key: app, operator: In, values: [p]}]}`),
    },
  ],
  invalid: [
    {
      name: 'tolerations',
      yaml: pod(`  tolerations:
    - {key: dedicated, operator: Exists, value: gpu}
#                                               ^^^ error pod-scheduling: A toleration with operator: Exists takes no value: remove value (or use operator: Equal).
    - {effect: NoSchedule}
#      ^^^^^^ error pod-scheduling: A toleration without key must use operator: Exists (it then tolerates every taint).
    - {key: a, operator: exists}
#                        ^^^^^^ error pod-scheduling: toleration operator \`exists\` must be written \`Exists\` (the API server is case-sensitive).
    - {key: a, operator: Exists, effect: NoExecution}
#                                        ^^^^^^^^^^^ error pod-scheduling: Unsupported taint effect \`NoExecution\`: use NoSchedule, PreferNoSchedule, NoExecute.
    - {key: a, operator: Exists, effect: NoSchedule, tolerationSeconds: 60}
#                                        ^^^^^^^^^^ error pod-scheduling: tolerationSeconds only applies to effect: NoExecute: set that effect, or remove tolerationSeconds.
    - {key: a, value: "has space"}
#                     ^^^^^^^^^^^ error pod-scheduling: Toleration value \`has space\` is invalid: a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', or 'my_value', or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?').`),
    },
    {
      name: 'topology spread constraints',
      yaml: pod(`  topologySpreadConstraints:
    - {maxSkew: 0, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: DoNotSchedule}
#               ^ error pod-scheduling: maxSkew is 0: it must be greater than 0.
    - {maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: DoNotSchedule}
#                               ^^^^^^^^^^^^^^^^^^^^^^ error pod-scheduling: Two topologySpreadConstraints use topologyKey kubernetes.io/hostname with whenUnsatisfiable DoNotSchedule: merge them into one.
    - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway, minDomains: 3}
#                                                                                    ^ error pod-scheduling: minDomains only works with whenUnsatisfiable: DoNotSchedule.
    - {maxSkew: 1, topologyKey: "", whenUnsatisfiable: Never}
#                               ^^ error pod-scheduling: topologyKey is empty: name a node label such as topology.kubernetes.io/zone or kubernetes.io/hostname.
#                                                      ^^^^^ error pod-scheduling: Unsupported whenUnsatisfiable \`Never\`: use DoNotSchedule, ScheduleAnyway.`),
    },
    {
      name: 'affinity terms',
      yaml: pod(`  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
          - matchExpressions:
              - {key: zone, operator: In}
#                                     ^^ error pod-scheduling: Operator In needs a non-empty values list.
              - {key: cores, operator: Gt, values: ["4", "8"]}
#                                                  ^^^^^^^^^^ error pod-scheduling: Operator Gt needs exactly one value, an integer.
              - {key: mem, operator: Lt, values: [lots]}
#                                                 ^^^^ error pod-scheduling: Operator Lt compares integers: \`lots\` is not one.
              - {key: gpu, operator: Equals, values: [x]}
#                                    ^^^^^^ error pod-scheduling: Unsupported node selector operator \`Equals\`: use In, NotIn, Exists, DoesNotExist, Gt, Lt.
    podAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        - topologyKey: ""
#                      ^^ error pod-scheduling: topologyKey of a podAffinity term is empty: name a node label such as kubernetes.io/hostname or topology.kubernetes.io/zone.
          labelSelector: {matchExpressions: [{key: app, operator: Exists, values: [p]}]}
#                                                                                 ^^^ error pod-scheduling: Operator Exists takes no values: remove values (or use In / NotIn).`),
    },
  ],
});
