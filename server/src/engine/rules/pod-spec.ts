import type { Node } from 'yaml';
import { WORKLOAD_KINDS, isWorkload } from '../model/apiVersions';
import type { K8sObject } from '../model/object';
import type { Rule, RuleContext } from './rule';
import { isDNS1123Label, isDNS1123Subdomain, isValidIPForLegacyField } from '../k8s/validation';
import { isInvalid, lowerFirst } from './utils/messages';
import { firstKey, keyNode, stringOrNull } from '../parse/values';
import { containerLabel, containersOf, podSpecOf } from './utils/podSpec';

const MAX_NAMESERVERS = 3;
const MAX_SEARCHES = 32;
const MAX_ID = 2147483647;

/**
 * Pod-level fields that core ValidatePodSpec checks by syntax: hostname and subdomain (DNS labels: they become
 * the pod's DNS name), serviceAccountName and priorityClassName (object names, DNS subdomains), hostAliases
 * (an IP address and DNS-name hostnames), dnsConfig (at most 3 nameserver IP addresses, required with
 * dnsPolicy: None; search domains are DNS names), the user and group IDs of security contexts (0 to
 * 2147483647), and a container that is privileged (or adds CAP_SYS_ADMIN) cannot forbid privilege escalation.
 */
export const podSpec: Rule = {
  id: 'pod-spec',
  description:
    'Pod hostname/subdomain, serviceAccountName, priorityClassName, hostAliases, dnsConfig and security context IDs must be valid.',
  severity: 'error',
  docs: {
    why: 'Pod fields that name other things (service account, priority class, host name and subdomain) must be valid names of those things, and security context IDs valid IDs: the API server rejects the pod otherwise.',
    fails: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  serviceAccountName: Web_SA
  containers:
    - name: web
      image: nginx:1.27
`,
    fixed: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  serviceAccountName: web-sa
  containers:
    - name: web
      image: nginx:1.27
`,
  },
  kinds: WORKLOAD_KINDS,
  appliesTo: (obj) => isWorkload(obj.apiVersion, obj.kind),
  checkObject(obj, ctx) {
    const r = obj.reader;
    const spec = podSpecOf(obj);
    if (!spec) return;
    for (const field of ['hostname', 'subdomain']) {
      const node = r.get(spec, field);
      const value = stringOrNull(r, node);
      if (!value) continue;
      const errs = isDNS1123Label(value);
      if (errs.length) ctx.report({ at: node as Node, message: `${field} \`${value}\` ${isInvalid(errs)}.` });
    }
    for (const field of ['serviceAccountName', 'priorityClassName'] as const) {
      const node = r.get(spec, field);
      const value = stringOrNull(r, node);
      if (!value) continue;
      const errs = isDNS1123Subdomain(value);
      if (errs.length) ctx.report({ at: node as Node, message: `${field} \`${value}\` ${isInvalid(errs)}.` });
    }
    checkHostAliases(obj, ctx);
    checkDns(obj, ctx);
    checkIds(obj, ctx, r.get(spec, 'securityContext'), 'the pod');
    for (const c of containersOf(r, spec)) {
      checkIds(obj, ctx, r.get(c.map, 'securityContext'), lowerFirst(containerLabel(c)));
      checkEscalation(obj, ctx, r.get(c.map, 'securityContext'), lowerFirst(containerLabel(c)));
    }
  },
};

function checkHostAliases(obj: K8sObject, ctx: RuleContext): void {
  const r = obj.reader;
  for (const item of r.items(r.get(podSpecOf(obj), 'hostAliases'))) {
    const alias = r.map(item);
    if (!alias) continue;
    const ipNode = r.get(alias, 'ip');
    const ip = ipNode === undefined ? null : stringOrNull(r, ipNode);
    if (ip === null || ip === '') {
      ctx.report({
        at: keyNode(r, alias, 'ip') ?? firstKey(alias),
        message: 'A hostAlias needs an ip: the address its hostnames resolve to.',
      });
    } else if (ip !== undefined && isValidIPForLegacyField(ip).length) {
      ctx.report({
        at: ipNode as Node,
        message: `hostAliases ip \`${ip}\` is not an IP address: hostAliases map hostnames to an address (use a Service name through DNS instead of an alias).`,
      });
    }
    for (const h of r.items(r.get(alias, 'hostnames'))) {
      const name = stringOrNull(r, h);
      if (name === undefined || name === null) continue;
      const errs = isDNS1123Subdomain(name);
      if (errs.length) ctx.report({ at: h, message: `Hostname \`${name}\` ${isInvalid(errs)}.` });
    }
  }
}

function checkDns(obj: K8sObject, ctx: RuleContext): void {
  const r = obj.reader;
  const spec = podSpecOf(obj);
  const policyNode = r.get(spec, 'dnsPolicy');
  const config = r.map(r.get(spec, 'dnsConfig'));
  const nameservers = r.items(r.get(config, 'nameservers'));
  if (stringOrNull(r, policyNode) === 'None' && nameservers.length === 0) {
    ctx.report({
      at: (config ? keyNode(r, spec, 'dnsConfig') : policyNode) as Node,
      message: 'dnsPolicy: None gives the pod no DNS settings at all: dnsConfig must list at least one nameserver.',
    });
  }
  if (!config) return;
  if (nameservers.length > MAX_NAMESERVERS) {
    ctx.report({
      at: nameservers[MAX_NAMESERVERS],
      message: `dnsConfig may list at most ${MAX_NAMESERVERS} nameservers (a libc limit).`,
    });
  }
  for (const n of nameservers) {
    const ip = stringOrNull(r, n);
    if (ip && isValidIPForLegacyField(ip).length)
      ctx.report({ at: n, message: `Nameserver \`${ip}\` is not an IP address: a nameserver is given by address.` });
  }
  const searches = r.items(r.get(config, 'searches'));
  if (searches.length > MAX_SEARCHES)
    ctx.report({ at: searches[MAX_SEARCHES], message: `dnsConfig may list at most ${MAX_SEARCHES} search domains.` });
  for (const n of searches) {
    const domain = stringOrNull(r, n);
    if (!domain) continue;
    const errs = isDNS1123Subdomain(domain.endsWith('.') ? domain.slice(0, -1) : domain);
    if (errs.length) ctx.report({ at: n, message: `Search domain \`${domain}\` ${isInvalid(errs)}.` });
  }
  for (const item of r.items(r.get(config, 'options'))) {
    const option = r.map(item);
    if (!option) continue;
    const name = r.get(option, 'name');
    const value = name === undefined ? null : stringOrNull(r, name);
    if (value === null || value === '')
      ctx.report({
        at: keyNode(r, option, 'name') ?? firstKey(option),
        message: 'A dnsConfig option needs a name (e.g. ndots).',
      });
  }
}

/** runAsUser, runAsGroup, fsGroup and supplementalGroups are IDs from 0 to 2147483647. */
function checkIds(obj: K8sObject, ctx: RuleContext, securityContext: unknown, whose: string): void {
  const r = obj.reader;
  const sc = r.map(securityContext);
  if (!sc) return;
  const check = (node: Node | undefined, field: string) => {
    const id = r.int(node);
    if (id !== undefined && (id < 0 || id > MAX_ID)) {
      ctx.report({
        at: node as Node,
        message: `${field} ${id} of ${whose} is out of range: user and group IDs are from 0 to ${MAX_ID}.`,
      });
    }
  };
  for (const field of ['runAsUser', 'runAsGroup', 'fsGroup']) check(r.get(sc, field), field);
  for (const g of r.items(r.get(sc, 'supplementalGroups'))) check(g, 'supplementalGroups value');
}

/** ValidateSecurityContext: allowPrivilegeEscalation: false contradicts privileged: true and adding CAP_SYS_ADMIN. */
function checkEscalation(obj: K8sObject, ctx: RuleContext, securityContext: unknown, whose: string): void {
  const r = obj.reader;
  const sc = r.map(securityContext);
  const escalation = r.get(sc, 'allowPrivilegeEscalation');
  if (!sc || r.scalar(escalation)?.value !== false) return;
  if (r.scalar(r.get(sc, 'privileged'))?.value === true) {
    ctx.report({
      at: escalation as Node,
      message: `allowPrivilegeEscalation: false contradicts privileged: true in ${whose}: a privileged container can always escalate. Remove one of them.`,
    });
  }
  for (const cap of r.items(r.at(sc, 'capabilities', 'add'))) {
    if (stringOrNull(r, cap) === 'CAP_SYS_ADMIN') {
      ctx.report({
        at: cap,
        message: `Adding CAP_SYS_ADMIN contradicts allowPrivilegeEscalation: false in ${whose}: remove one of them.`,
      });
    }
  }
}
