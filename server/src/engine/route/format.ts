/** A route report as short readable text (`kubeway route --format text`, the editor's "Trace a Request…"). */
import { requestUrl } from './request';
import type { RouteReport, Trace } from './types';

function hops(t: Trace): string {
  const parts: string[] = [];
  if (t.route) {
    const r = t.route;
    const what = r.defaultBackend
      ? 'default backend'
      : `${r.host ?? '*'} ${r.pathType ?? 'ImplementationSpecific'} ${r.path ?? '/'}`;
    parts.push(`Ingress ${r.namespace}/${r.name} (${what})`);
  }
  if (t.service) {
    const sv = t.service;
    const number = sv.servicePort !== null && sv.servicePort !== sv.port ? ` (${sv.servicePort})` : '';
    parts.push(
      `Service ${sv.namespace}/${sv.name} port ${sv.port ?? '?'}${number}${sv.targetPort !== null ? ` → targetPort ${sv.targetPort}` : ''}`,
    );
  }
  if (t.pods.length)
    parts.push(
      t.pods
        .map(
          (p) =>
            `${p.kind} ${p.namespace}/${p.name}${p.container ? ` ${p.container}` : ''}:${p.containerPort ?? '?'}/${p.protocol}`,
        )
        .join(', '),
    );
  return parts.join(' → ');
}

/** The text form: one block per trace, the chain of hops and the `why` lines. */
export function formatRouteText(report: RouteReport): string {
  const lines = [`${report.request.method} ${requestUrl(report.request)}`];
  for (const t of report.traces) {
    const who =
      t.via === 'ingress'
        ? t.class === null
          ? 'default class'
          : `class ${t.class}`
        : t.via === 'service'
          ? 'Service DNS name'
          : 'node port';
    const chain = hops(t);
    lines.push('', `${who}: ${t.outcome}${chain ? `: ${chain}` : ''}`);
    if (t.route)
      lines.push(`  at ${t.route.file}:${t.route.range.start.line + 1}:${t.route.range.start.character + 1}`);
    for (const w of t.why) lines.push(`  - ${w}`);
  }
  return lines.join('\n');
}
