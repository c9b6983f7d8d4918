import type { Node } from 'yaml';
import { WORKLOAD_KINDS, isWorkload } from '../model/apiVersions';
import type { Rule } from './rule';
import { lowerFirst } from './utils/messages';
import { isKustomizePatch } from '../model/kustomize';
import { firstKey, stringOrNull } from '../parse/values';
import { containerLabel, containersOf, podSpecOf } from './utils/podSpec';
import type { ContainerRef } from './utils/podSpec';

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];

/**
 * Container ports as core validateContainerPorts checks them: containerPort is required and 1-65535, hostPort
 * (when set) 1-65535, protocol TCP, UDP or SCTP in exact case; plus checkHostPortConflicts (one use of each
 * protocol/hostIP/hostPort among the app containers, or within one init container) and, with hostNetwork,
 * validatePodHostNetworkDeps (hostPort must equal containerPort).
 */
export const containerPort: Rule = {
  id: 'container-port',
  description: 'containerPort is required and 1-65535; hostPort 1-65535 and not used twice; protocol TCP, UDP or SCTP.',
  severity: 'error',
  docs: {
    why: 'Container ports are 16-bit numbers, 1 to 65535, with protocol TCP, UDP or SCTP; a hostPort binds a port of the node, once. The API server rejects other values.',
    fails: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - containerPort: 80800
`,
    fixed: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - containerPort: 8080
`,
  },
  kinds: WORKLOAD_KINDS,
  appliesTo: (obj) => isWorkload(obj.apiVersion, obj.kind),
  checkObject(obj, ctx) {
    const r = obj.reader;
    const spec = podSpecOf(obj);
    const patch = isKustomizePatch(ctx.workspace, obj);
    const hostNetwork = r.scalar(r.get(spec, 'hostNetwork'))?.value === true;
    const appHostPorts = new Map<string, ContainerRef>();
    for (const c of containersOf(r, spec)) {
      const initHostPorts = new Map<string, ContainerRef>();
      for (const item of r.items(r.get(c.map, 'ports'))) {
        const port = r.map(item);
        if (!port) continue;
        const cpNode = r.get(port, 'containerPort');
        const cp = r.int(cpNode);
        if (cpNode === undefined || r.scalar(cpNode)?.value === null) {
          const servicePort = r.pair(port, 'port');
          if (servicePort && !patch) {
            ctx.report({
              at: servicePort.key as Node,
              message: `\`port\` is a Service field: a port of ${lowerFirst(containerLabel(c))} is written \`containerPort: ${r.int(servicePort.value) ?? 8080}\`.`,
              fix: port.items.includes(servicePort as never)
                ? {
                    title: 'Rename to containerPort',
                    edits: [{ range: obj.doc.rangeOf(servicePort.key), newText: 'containerPort' }],
                  }
                : undefined,
            });
          } else if (!patch)
            ctx.report({
              at: firstKey(port),
              message: `A port of ${lowerFirst(containerLabel(c))} has no containerPort: every entry under ports needs one (1-65535).`,
            });
        } else if (cp !== undefined && (cp < 1 || cp > 65535)) {
          ctx.report({
            at: cpNode,
            message: `containerPort ${cp} is out of range: use a port number from 1 to 65535.`,
          });
        }
        const hpNode = r.get(port, 'hostPort');
        const hp = r.int(hpNode) ?? 0;
        if (hp !== 0 && (hp < 1 || hp > 65535)) {
          ctx.report({
            at: hpNode as Node,
            message: `hostPort ${hp} is out of range: use a port number from 1 to 65535 (or leave hostPort out).`,
          });
        }
        const protoNode = r.get(port, 'protocol');
        const proto = stringOrNull(r, protoNode);
        if (proto && !PROTOCOLS.includes(proto)) {
          const right = PROTOCOLS.find((p) => p === proto.toUpperCase());
          ctx.report({
            at: protoNode as Node,
            message: right
              ? `Protocol \`${proto}\` must be written \`${right}\` (the API server is case-sensitive).`
              : `Unsupported protocol \`${proto}\`: use TCP, UDP or SCTP${/^https?$|^grpc$/i.test(proto) ? ` (${proto} runs over TCP)` : ''}.`,
            fix: right
              ? { title: `Change to ${right}`, edits: [{ range: obj.doc.rangeOf(protoNode), newText: right }] }
              : undefined,
          });
        }
        if (hp !== 0 && hp >= 1 && hp <= 65535 && c.list !== 'ephemeralContainers') {
          const hostIP = r.text(r.get(port, 'hostIP')) ?? '';
          const key = `${proto || 'TCP'}/${hostIP}/${hp}`;
          const used = c.list === 'containers' ? appHostPorts : initHostPorts;
          const other = used.get(key);
          if (other) {
            ctx.report({
              at: hpNode as Node,
              message: `hostPort ${hp}/${proto || 'TCP'}${hostIP ? ` on ${hostIP}` : ''} is already used by ${other === c ? 'this container' : lowerFirst(containerLabel(other))}: a pod can bind each host port once.`,
            });
          } else {
            used.set(key, c);
          }
          if (hostNetwork && c.list === 'containers' && cp !== undefined && hp !== cp) {
            ctx.report({
              at: hpNode as Node,
              message: `With hostNetwork: true, hostPort (${hp}) must equal containerPort (${cp}): the container listens on the node's own network.`,
            });
          }
        }
      }
    }
  },
};
