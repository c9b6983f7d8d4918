import type { Node, Pair, YAMLMap } from 'yaml';
import type { K8sObject } from '../model/object';
import type { Fix, Range } from '../types';
import type { Rule } from './rule';
import { setPair } from '../parse/values';
import { ownPair, pairRange, plainOrQuoted } from './utils/edits';
import { backendSites, isIngressV1 } from './utils/ingress';
import { specOf } from './utils/object';

/**
 * The v1 backend text for a v1beta1 serviceName/servicePort pair, in flow style (fits block and flow maps).
 * Unknown parts show as `<service>` / `<port>` placeholders (only in messages: no fix is offered then).
 */
function v1Backend(name: string | undefined, port: string | number | undefined, json: boolean): string {
  const byNumber = port === undefined || typeof port === 'number' || /^\d+$/.test(port);
  const portKey = byNumber ? 'number' : 'name';
  if (json) {
    const n = name === undefined ? '<service>' : JSON.stringify(name);
    const p = port === undefined ? '<port>' : byNumber ? String(Number(port)) : JSON.stringify(port);
    return `"service": {"name": ${n}, "port": {"${portKey}": ${p}}}`;
  }
  const n = name === undefined ? '<service>' : plainOrQuoted(name);
  const p = port === undefined ? '<port>' : byNumber ? String(Number(port)) : plainOrQuoted(String(port));
  return `service: {name: ${n}, port: {${portKey}: ${p}}}`;
}

/**
 * networking.k8s.io/v1 has no `serviceName`/`servicePort` in a backend and no `spec.backend` (v1beta1 names):
 * the API server rejects each of them as an unknown field, reported here on each field with what replaces
 * it (and the rewrite as the quick fix), and then finds the backend empty (ingress-backend, on `backend:`).
 */
export const ingressLegacyBackend: Rule = {
  id: 'ingress-legacy-backend',
  description:
    'v1beta1 backend fields (`serviceName`, `servicePort`, `spec.backend`) in a networking.k8s.io/v1 Ingress: write `service: {name, port: {number}}` and `defaultBackend`.',
  severity: 'error',
  docs: {
    why: 'networking.k8s.io/v1 renamed the v1beta1 backend fields: `serviceName`/`servicePort` became `service: {name, port: {number | name}}` and `spec.backend` became `spec.defaultBackend`. The API server rejects the old names as unknown fields.',
    fails: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              serviceName: web
              servicePort: 80
`,
    fixed: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 80
`,
  },
  kinds: ['Ingress'],
  appliesTo: isIngressV1,
  checkObject(obj, ctx) {
    const r = obj.reader;
    const spec = specOf(obj);
    const legacyDefault = spec ? r.pair(spec, 'backend') : undefined;
    const sites = backendSites(obj).map((s) => s.map);
    if (spec && legacyDefault) {
      const key = legacyDefault.key as Node;
      const hasDefault = !!setPair(r, spec, 'defaultBackend');
      ctx.report({
        at: key,
        message: hasDefault
          ? '`spec.backend` is the v1beta1 name of `spec.defaultBackend`, which is already set: remove `backend`.'
          : '`spec.backend` is the v1beta1 name of the default backend: networking.k8s.io/v1 calls it `defaultBackend`.',
        fix:
          !hasDefault && ownPair(spec, legacyDefault)
            ? { title: 'Rename to defaultBackend', edits: [{ range: obj.doc.rangeOf(key), newText: 'defaultBackend' }] }
            : undefined,
      });
      const m = r.map(legacyDefault.value);
      if (m) sites.push(m);
    }
    for (const b of sites) if (b) checkLegacyFields(obj, b, ctx.report);
  },
};

function checkLegacyFields(
  obj: K8sObject,
  b: YAMLMap,
  report: (f: { at: Node | Range; message: string; fix?: Fix }) => void,
): void {
  const r = obj.reader;
  const namePair = r.pair(b, 'serviceName');
  const portPair = r.pair(b, 'servicePort');
  if (!namePair && !portPair) return;
  const name = r.text(namePair?.value);
  const portScalar = r.scalar(portPair?.value);
  const port =
    typeof portScalar?.value === 'number' || typeof portScalar?.value === 'string'
      ? (portScalar.value as number | string)
      : undefined;
  const json = !!b.flow && (b.items[0]?.key as { type?: string } | undefined)?.type === 'QUOTE_DOUBLE';
  const v1 = v1Backend(name, port, json);
  const pairs = [namePair, portPair]
    .filter((p): p is Pair => !!p)
    .sort((x, y) => ((x.key as Node).range?.[0] ?? 0) - ((y.key as Node).range?.[0] ?? 0));
  const first = pairs[0];
  const last = pairs[pairs.length - 1];
  const own = pairs.every((p) => ownPair(b, p));
  const range = own ? spanOf(obj, first, last) : undefined;
  // Rewrite only when both are known, written in this map next to each other, and `service` is not set.
  const adjacent =
    pairs.length === 2 && Math.abs(b.items.indexOf(first as never) - b.items.indexOf(last as never)) === 1;
  const fixable = adjacent && own && name !== undefined && port !== undefined && !r.pair(b, 'service') && range;
  const fix =
    fixable && range
      ? { title: 'Rewrite as a networking.k8s.io/v1 backend', edits: [{ range, newText: v1 }] }
      : undefined;
  const instead = `write \`${v1Backend(name, port, false)}\``;
  // The API server rejects each field as unknown (and the backend as empty: ingress-backend says so on `backend:`).
  if (namePair) {
    report({
      at: namePair.key as Node,
      message: `\`serviceName\` is a v1beta1 backend field, not part of networking.k8s.io/v1, which names the Service in \`service.name\`: ${instead}.`,
      fix,
    });
  }
  if (portPair) {
    const where =
      port !== undefined && typeof port !== 'number' && !/^\d+$/.test(port)
        ? 'service.port.name'
        : 'service.port.number';
    report({
      at: portPair.key as Node,
      message: `\`servicePort\` is a v1beta1 backend field, not part of networking.k8s.io/v1, which names the port in \`${where}\`: ${instead}.`,
      fix,
    });
  }
}

/** From the first pair's key to the end of the last pair's value. */
function spanOf(obj: K8sObject, first: Pair, last: Pair): Range | undefined {
  const a = pairRange(obj, first);
  const b = pairRange(obj, last);
  return a && b ? { start: a.start, end: b.end } : undefined;
}
