/** Hover on an Ingress path: the requests it receives, and those it loses to other rules of its class. */
import { ingressOf } from '../model/ingress';
import type { K8sObject } from '../model/object';
import type { Workspace } from '../model/workspace';
import { pathExamples } from '../route/examples';
import type { PathSegment } from './cursor';
import { nodeAtPath } from './objectAt';

/** Whether a key path is an Ingress path item's `path` or `pathType`. */
export function isIngressPathKey(keyPath: readonly PathSegment[]): boolean {
  return (
    keyPath.length === 7 &&
    keyPath[0] === 'spec' &&
    keyPath[1] === 'rules' &&
    keyPath[3] === 'http' &&
    keyPath[4] === 'paths' &&
    (keyPath[6] === 'path' || keyPath[6] === 'pathType')
  );
}

export function ingressPathMarkdown(
  ws: Workspace,
  obj: K8sObject,
  keyPath: readonly PathSegment[],
): string | undefined {
  const ing = ingressOf(obj);
  if (!ing || !isIngressPathKey(keyPath)) return undefined;
  const item = nodeAtPath(obj, keyPath.slice(0, 6));
  const path = ing.rules.flatMap((r) => r.paths).find((p) => p.node === item);
  if (!path) return undefined;
  const ex = pathExamples(ws, ing, path);
  if (!ex) return undefined;
  const cls = ex.class === null ? 'the default class' : `class \`${ex.class}\``;
  const out = [`**Requests this path receives** (${cls}):`];
  out.push(
    ex.receives.length
      ? ex.receives.map((u) => `- \`${u}\``).join('\n')
      : '- none: every request it matches goes to another rule',
  );
  if (ex.loses.length) {
    out.push('**Requests it matches but loses:**');
    out.push(ex.loses.map((l) => `- \`${l.url}\` → ${l.to}`).join('\n'));
  }
  return out.join('\n\n');
}
