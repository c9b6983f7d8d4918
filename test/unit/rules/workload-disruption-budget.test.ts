import { workloadDisruptionBudget } from '../../../server/src/engine/rules/workload-disruption-budget';
import { ruleTable } from '../../harness';

const pdb = (spec: string) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
${spec}
`;

ruleTable(workloadDisruptionBudget, {
  valid: [
    { name: 'a number', yaml: pdb('  minAvailable: 2') },
    { name: 'a percentage', yaml: pdb('  maxUnavailable: "25%"') },
    { name: 'zero, and 100%', yaml: pdb('  maxUnavailable: 0') + '---\n' + pdb('  minAvailable: 100%') },
    { name: 'one of them null', yaml: pdb('  minAvailable: 1\n  maxUnavailable: null') },
  ],
  invalid: [
    {
      name: 'both set',
      yaml: pdb(`  minAvailable: 1
  maxUnavailable: 1
# ^^^^^^^^^^^^^^ error workload-disruption-budget: A PodDisruptionBudget sets either minAvailable or maxUnavailable, not both: remove one of them.`),
    },
    {
      name: 'values out of range',
      yaml:
        pdb(`  minAvailable: -1
#               ^^ error workload-disruption-budget: minAvailable is -1: it must be 0 or more (or a percentage such as 50%).`) +
        '---\n' +
        pdb(`  maxUnavailable: 120%
#                 ^^^^ error workload-disruption-budget: maxUnavailable 120% is more than 100%.`) +
        '---\n' +
        pdb(`  maxUnavailable: "1"
#                 ^^^ error workload-disruption-budget: maxUnavailable \`1\` is neither a number nor a percentage like 50%: write 1 without quotes.`),
    },
  ],
});
