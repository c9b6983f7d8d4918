import { podVolumes } from '../../../server/src/engine/rules/pod-volumes';
import { ruleTable } from '../../harness';

const pod = (volumes: string) => `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: c, image: i}]
  volumes:
${volumes}
`;

ruleTable(podVolumes, {
  valid: [
    { name: 'unique DNS-label names', yaml: pod('    - {name: config, configMap: {name: app}}\n    - {name: data-1, emptyDir: {}}') },
    { name: 'every common source', yaml: pod('    - {name: a, secret: {secretName: s}}\n    - {name: b, persistentVolumeClaim: {claimName: c}}\n    - {name: c, hostPath: {path: /var/log}}\n    - {name: d, projected: {sources: []}}\n    - {name: e, downwardAPI: {items: []}}\n    - {name: f, csi: {driver: x}}\n    - name: g\n      ephemeral: {volumeClaimTemplate: {spec: {}}}') },
    { name: 'an unknown source key is left to the schema check', yaml: pod('    - {name: a, emtpyDir: {}}') },
  ],
  invalid: [
    {
      name: 'invalid, missing and duplicate names',
      yaml: pod(`    - {name: Config, configMap: {name: app}}
#            ^^^^^^ error pod-volumes: Volume name \`Config\` contains uppercase \`C\` (only lowercase letters, digits and '-' are allowed): a volume name must be a lowercase DNS label (letters, digits and '-', at most 63 characters).
    - emptyDir: {}
#     ^^^^^^^^ error pod-volumes: A volume has no name: every volume needs one, for volumeMounts to refer to it.
    - {name: data, emptyDir: {}}
    - {name: data, secret: {secretName: s}}
#            ^^^^ error pod-volumes: Volume name \`data\` is used twice in this pod: volume names must be unique.`),
    },
    {
      name: 'no source, a null source, two sources, missing source names',
      yaml: pod(`    - name: nothing
#     ^^^^ error pod-volumes: Volume \`nothing\` has no source: set one of emptyDir: {}, configMap, secret, persistentVolumeClaim, hostPath, projected, ...
    - name: cache
      emptyDir:
#     ^^^^^^^^ error pod-volumes: Volume \`cache\` has an empty emptyDir: YAML reads \`emptyDir:\` without a value as null, which is no source at all. Write emptyDir: {}.
    - name: both
      emptyDir: {}
      configMap: {name: x}
#     ^^^^^^^^^ error pod-volumes: Volume \`both\` has two sources, emptyDir and configMap: a volume has exactly one (use two volumes).
    - {name: cfg, configMap: {optional: true}}
#                 ^^^^^^^^^ error pod-volumes: configMap of volume \`cfg\` has no name: name the ConfigMap to mount.
    - {name: claim, persistentVolumeClaim: {readOnly: true}}
#                   ^^^^^^^^^^^^^^^^^^^^^ error pod-volumes: persistentVolumeClaim of volume \`claim\` has no claimName: name the PersistentVolumeClaim to mount.`),
    },
  ],
});
