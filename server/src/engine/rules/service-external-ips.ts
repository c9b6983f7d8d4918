import type { Rule } from './rule';
import { isValidIPForLegacyField } from '../k8s/validation';
import { appliesToService, specField } from './utils/service';

/**
 * externalIPs are IP addresses (ValidateService, ValidateNonSpecialIP): not unspecified (0.0.0.0, ::),
 * loopback, link-local (169.254.0.0/16, fe80::/10) or link-local multicast (224.0.0.0/24, ff02::/16).
 */
export const serviceExternalIPs: Rule = {
  id: 'service-external-ips',
  description: 'externalIPs must be IP addresses, not unspecified, loopback or link-local ones.',
  severity: 'error',
  docs: {
    why: "Nodes accept traffic for a Service's externalIPs; the API server requires IP addresses and rejects addresses that can never be external (unspecified, loopback, link-local).",
    fails: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  externalIPs:
    - 127.0.0.1
  selector:
    app: web
  ports:
    - port: 80
`,
    fixed: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  externalIPs:
    - 203.0.113.10
  selector:
    app: web
  ports:
    - port: 80
`,
  },
  kinds: ['Service'],
  appliesTo: appliesToService,
  checkObject(obj, ctx) {
    const r = obj.reader;
    for (const n of r.items(specField(obj, 'externalIPs'))) {
      const v = r.str(n);
      if (v === undefined) continue;
      if (isValidIPForLegacyField(v).length) {
        ctx.report({ at: n, message: `externalIPs value \`${v}\` is not a valid IP address.` });
        continue;
      }
      const special = specialKind(v);
      if (special)
        ctx.report({
          at: n,
          message: `externalIPs value \`${v}\` is ${special} address, which a Service may not use as an external IP.`,
        });
    }
  },
};

/** What Go's net.IP says of an address: unspecified, loopback, link-local unicast or link-local multicast. */
function specialKind(ip: string): string | undefined {
  let v4: number[] | undefined;
  let g: number[] | undefined;
  if (ip.includes(':')) {
    g = ipv6Groups(ip);
    if (!g) return undefined;
    if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) v4 = [g[6] >> 8, g[6] & 255, g[7] >> 8, g[7] & 255];
  } else v4 = ip.split('.').map(Number);
  if (v4) {
    if (v4.every((x) => x === 0)) return 'an unspecified';
    if (v4[0] === 127) return 'a loopback';
    if (v4[0] === 169 && v4[1] === 254) return 'a link-local';
    if (v4[0] === 224 && v4[1] === 0 && v4[2] === 0) return 'a link-local multicast';
    return undefined;
  }
  if (!g) return undefined;
  if (g.every((x) => x === 0)) return 'an unspecified';
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return 'a loopback';
  if ((g[0] & 0xffc0) === 0xfe80) return 'a link-local';
  if ((g[0] & 0xff0f) === 0xff02) return 'a link-local multicast';
  return undefined;
}

/** The eight 16-bit groups of a valid IPv6 address (an embedded IPv4 tail becomes two groups). */
function ipv6Groups(ip: string): number[] | undefined {
  let s = ip;
  const tail = s.slice(s.lastIndexOf(':') + 1);
  if (tail.includes('.')) {
    const [a, b, c, d] = tail.split('.').map(Number);
    s = s.slice(0, s.lastIndexOf(':') + 1) + ((a << 8) | b).toString(16) + ':' + ((c << 8) | d).toString(16);
  }
  const [head, rest] = s.split('::');
  const parse = (h: string | undefined) => (h ? h.split(':').map((x) => parseInt(x, 16)) : []);
  const a = parse(head);
  const b = parse(rest);
  if (rest === undefined) return a.length === 8 ? a : undefined;
  return [...a, ...new Array(8 - a.length - b.length).fill(0), ...b];
}
