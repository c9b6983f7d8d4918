import type { Node } from 'yaml';
import { isWorkload } from '../model/apiVersions';
import type { Rule } from './rule';
import { isKustomizePatch } from '../model/kustomize';
import { stringOrNull } from '../parse/values';
import { deepestKey, objectRef } from './utils/object';

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
  what: string;
}

const MONTHS = Object.fromEntries(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((m, i) => [m, i + 1]),
);
const DAYS = Object.fromEntries(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d, i) => [d, i]));
const FIELDS: Bounds[] = [
  { min: 0, max: 59, what: 'minute' },
  { min: 0, max: 23, what: 'hour' },
  { min: 1, max: 31, what: 'day of month' },
  { min: 1, max: 12, names: MONTHS, what: 'month' },
  { min: 0, max: 6, names: DAYS, what: 'day of week' },
];
const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);
const GO_DURATION = /^[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$|^[-+]?0$/;

function parseNumber(text: string, b: Bounds): number | string {
  if (b.names && text.toLowerCase() in b.names) return b.names[text.toLowerCase()];
  if (!/^[+-]?\d+$/.test(text)) return `\`${text}\` is not a number${b.names ? ` or a ${b.what} name` : ''}`;
  const n = parseInt(text, 10);
  return n < 0 ? `negative number ${n}` : n;
}

/** Why one field of a standard cron schedule is invalid (robfig/cron v3 getRange), or undefined. */
function fieldProblem(field: string, b: Bounds): string | undefined {
  for (const expr of field.split(',')) {
    const rangeAndStep = expr.split('/');
    const lowAndHigh = rangeAndStep[0].split('-');
    let start: number;
    let end: number;
    if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
      start = b.min;
      end = b.max;
    } else {
      const s = parseNumber(lowAndHigh[0], b);
      if (typeof s === 'string') return `${b.what}: ${s}`;
      start = s;
      if (lowAndHigh.length === 1) end = start;
      else if (lowAndHigh.length === 2) {
        const e = parseNumber(lowAndHigh[1], b);
        if (typeof e === 'string') return `${b.what}: ${e}`;
        end = e;
      } else return `${b.what}: too many hyphens in \`${expr}\``;
    }
    if (rangeAndStep.length > 2) return `${b.what}: too many slashes in \`${expr}\``;
    if (rangeAndStep.length === 2) {
      const step = parseNumber(rangeAndStep[1], { ...b, names: undefined });
      if (typeof step === 'string') return `${b.what}: step ${step}`;
      if (step === 0) return `${b.what}: a step must be positive`;
      if (lowAndHigh.length === 1) end = b.max;
    }
    if (start < b.min) return `${b.what} ${start} is below ${b.min}`;
    if (end > b.max)
      return `${b.what} ${end} is above ${b.max}${b.what === 'day of week' && end === 7 ? ' (Sunday is 0)' : ''}`;
    if (start > end) return `${b.what} range \`${rangeAndStep[0]}\` runs backwards`;
  }
  return undefined;
}

/** Why a CronJob schedule is invalid (cron.ParseStandard plus the API server's TZ rule), or undefined. */
export function scheduleProblem(schedule: string): string | undefined {
  if (schedule.includes('TZ')) return 'TZ= or CRON_TZ= is not allowed in the schedule: set spec.timeZone instead';
  const spec = schedule.trim();
  if (spec === '') return 'it is empty';
  if (spec.startsWith('@')) {
    if (DESCRIPTORS.has(spec)) return undefined;
    if (spec.startsWith('@every ')) {
      const d = spec.slice('@every '.length).trim();
      return GO_DURATION.test(d) ? undefined : `\`${d}\` is not a duration like 1h30m`;
    }
    return `unknown descriptor \`${spec}\` (use @yearly, @monthly, @weekly, @daily, @hourly or @every <duration>)`;
  }
  const fields = spec.split(/\s+/);
  if (fields.length !== 5) {
    return `it has ${fields.length} fields; a schedule has exactly 5 (minute hour day-of-month month day-of-week)${fields.length === 6 ? ', without seconds' : ''}`;
  }
  for (let i = 0; i < 5; i++) {
    const p = fieldProblem(fields[i], FIELDS[i]);
    if (p) return p;
  }
  return undefined;
}

/**
 * CronJob spec as batch validateCronJobSpec checks it: a schedule in standard cron syntax (5 fields, or a
 * @descriptor; TZ= is not allowed, spec.timeZone is), an explicit timeZone when set, and a concurrencyPolicy of
 * Allow, Forbid or Replace.
 */
export const workloadCronjob: Rule = {
  id: 'workload-cronjob',
  description: 'A CronJob needs a valid standard cron schedule (5 fields), a valid timeZone and concurrencyPolicy.',
  severity: 'error',
  docs: {
    why: 'The CronJob controller parses the schedule as a standard five-field cron expression (or a macro such as @hourly), and the timeZone as an IANA zone: the API server rejects the CronJob otherwise.',
    fails: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "*/5 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: report
              image: busybox:1.36
`,
    fixed: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "*/5 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: report
              image: busybox:1.36
`,
  },
  kinds: ['CronJob'],
  appliesTo: (obj) => obj.kind === 'CronJob' && isWorkload(obj.apiVersion, obj.kind),
  checkObject(obj, ctx) {
    const r = obj.reader;
    const spec = r.map(obj.get('spec'));
    const node = r.get(spec, 'schedule');
    const schedule = node === undefined ? null : stringOrNull(r, node);
    if (schedule === null || schedule === '') {
      if (!isKustomizePatch(ctx.workspace, obj)) {
        ctx.report({
          at: deepestKey(obj, 'spec', 'schedule'),
          message: `${objectRef(obj)} has no schedule: set spec.schedule, e.g. "0 3 * * *" (03:00 every day).`,
        });
      }
    } else if (schedule !== undefined) {
      const problem = scheduleProblem(schedule);
      if (problem) ctx.report({ at: node as Node, message: `Invalid schedule "${schedule}": ${problem}.` });
    }
    const tzNode = r.get(spec, 'timeZone');
    const tz = stringOrNull(r, tzNode);
    if (tz !== undefined && tz !== null) {
      if (tz === '' || tz.toLowerCase() === 'local' || /\s/.test(tz)) {
        ctx.report({
          at: tzNode as Node,
          message: `timeZone ${tz === '' ? 'is empty' : `\`${tz}\``}: use an IANA time zone name such as Europe/Paris or Etc/UTC (or leave timeZone out).`,
        });
      }
    }
    const policyNode = r.get(spec, 'concurrencyPolicy');
    const policy = stringOrNull(r, policyNode);
    const allowed = ['Allow', 'Forbid', 'Replace'];
    if (policy && !allowed.includes(policy)) {
      const right = allowed.find((a) => a.toLowerCase() === policy.toLowerCase());
      ctx.report({
        at: policyNode as Node,
        message: right
          ? `concurrencyPolicy \`${policy}\` must be written \`${right}\` (the API server is case-sensitive).`
          : `Unsupported concurrencyPolicy \`${policy}\`: use Allow, Forbid or Replace.`,
        fix: right
          ? { title: `Change to ${right}`, edits: [{ range: obj.doc.rangeOf(policyNode), newText: right }] }
          : undefined,
      });
    }
  },
};
