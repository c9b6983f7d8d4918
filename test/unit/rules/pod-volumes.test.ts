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
  valid: [{ name: 'unique DNS-label names', yaml: pod('    - {name: config, configMap: {name: app}}\n    - {name: data-1, emptyDir: {}}') }],
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
  ],
});
