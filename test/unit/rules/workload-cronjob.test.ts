import assert from 'node:assert/strict';
import { it } from 'node:test';
import { scheduleProblem, workloadCronjob } from '../../../server/src/engine/rules/workload-cronjob';
import { ruleTable } from '../../harness';

const cron = (spec: string) => `apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
${spec}
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: c, image: busybox}]
`;

it('accepts what robfig/cron ParseStandard accepts', () => {
  for (const s of [
    '*/5 * * * *',
    '0 3 * * *',
    '0 0 1 JAN,jul *',
    '15 8-18/2 * * MON-FRI',
    '0 0 ? * SUN',
    '5 4 * * 0',
    '@hourly',
    '@every 1h30m',
    '0 0 1-31 * *',
    '59 23 31 12 6',
    ' 0  3 * * * ',
  ]) {
    assert.equal(scheduleProblem(s), undefined, s);
  }
  for (const s of [
    '0 0 * * 7',
    '* * * * * *',
    '60 * * * *',
    '*/0 * * * *',
    '0 0 0 * *',
    '0 0 * 13 *',
    '@reboot',
    'H 0 * * *',
    '0 0 L * *',
    '5-1 * * * *',
    'CRON_TZ=UTC 0 0 * * *',
    '@every 5x',
    '0 0 * * MON#1',
  ]) {
    assert.notEqual(scheduleProblem(s), undefined, s);
  }
});

ruleTable(workloadCronjob, {
  valid: [
    {
      name: 'a daily schedule with a time zone',
      yaml: cron('  schedule: "0 3 * * *"\n  timeZone: Europe/Paris\n  concurrencyPolicy: Forbid'),
    },
    { name: 'a descriptor', yaml: cron('  schedule: "@daily"') },
    { name: 'a number as schedule is left to the schema check', yaml: cron('  schedule: 5') },
  ],
  invalid: [
    {
      name: 'six fields (with seconds)',
      yaml: cron(`  schedule: "0 */5 * * * *"
#           ^^^^^^^^^^^^^^^ error workload-cronjob: Invalid schedule "0 */5 * * * *": it has 6 fields; a schedule has exactly 5 (minute hour day-of-month month day-of-week), without seconds.`),
    },
    {
      name: 'Sunday as 7 and an out-of-range minute',
      yaml:
        cron(`  schedule: 0 0 * * 7
#           ^^^^^^^^^ error workload-cronjob: Invalid schedule "0 0 * * 7": day of week 7 is above 6 (Sunday is 0).`) +
        `---
${cron(`  schedule: "60 * * * *"
#           ^^^^^^^^^^^^ error workload-cronjob: Invalid schedule "60 * * * *": minute 60 is above 59.`)}`,
    },
    {
      name: 'TZ in the schedule, Local time zone, wrong-case policy',
      yaml: cron(`  schedule: "TZ=Europe/Paris 0 3 * * *"
#           ^^^^^^^^^^^^^^^^^^^^^^^^^^^ error workload-cronjob: Invalid schedule "TZ=Europe/Paris 0 3 * * *": TZ= or CRON_TZ= is not allowed in the schedule: set spec.timeZone instead.
  timeZone: Local
#           ^^^^^ error workload-cronjob: timeZone \`Local\`: use an IANA time zone name such as Europe/Paris or Etc/UTC (or leave timeZone out).
  concurrencyPolicy: forbid
#                    ^^^^^^ error workload-cronjob: concurrencyPolicy \`forbid\` must be written \`Forbid\` (the API server is case-sensitive).`),
    },
    {
      name: 'no schedule',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly}
spec:
  schedule: ""
# ^^^^^^^^ error workload-cronjob: CronJob \`nightly\` has no schedule: set spec.schedule, e.g. "0 3 * * *" (03:00 every day).
  jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: c, image: i}]}}}}
`,
    },
  ],
});
