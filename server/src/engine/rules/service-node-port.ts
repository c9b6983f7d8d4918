import type { Node, YAMLMap } from 'yaml';
import type { Fix } from '../types';
import type { K8sObject } from '../model/object';
import type { Workspace } from '../model/workspace';
import type { Rule, RuleContext } from './rule';
import { removePairEdit } from './edits';
import { keyNode } from '../parse/values';
import { replaceFix } from './utils/edits';
import {
  appliesToService,
  earlierFileServicesWithNodePort,
  portMaps,
  serviceTypeOf,
  specField,
  typeComesFromBase,
  usedNodePorts,
} from './utils/service';

/**
 * nodePort (ValidateService and the node-port allocator, for a create):
 * - forbidden when the type is ClusterIP (set or defaulted); ExternalName Services allocate no node ports
 *   and the API server ignores the field there, so it is not reported;
 * - for NodePort and LoadBalancer, inside the cluster's node port range (settings.nodePortRange, the
 *   kube-apiserver --service-node-port-range);
 * - unique within the Service: the same nodePort twice is rejected, except for two entries with the same
 *   `port` and different protocols (e.g. DNS on 53/TCP and 53/UDP), which the allocator lets share it;
 * - healthCheckNodePort (LoadBalancer with externalTrafficPolicy: Local) comes from the same range and must
 *   not reuse one of the Service's node ports.
 * The quick fix picks the lowest port of the range that no Service of the workspace uses; removing nodePort
 * (the cluster then allocates one) is offered as the other choice.
 * Two Services of one file asking for the same nodePort are applied together, and the second is rejected
 * ("provided port is already allocated"; node ports are cluster-wide, whatever the protocol). Services of
 * different files are not compared: folders often hold alternative variants of one app (overlays, examples)
 * that are never applied together.
 */
export const serviceNodePort: Rule = {
  id: 'service-node-port',
  description:
    'nodePort is only for NodePort/LoadBalancer Services, must be in the node port range and unique within the Service.',
  severity: 'error',
  docs: {
    why: "A node port is opened on every node, from a cluster-wide range (30000-32767 unless kube-apiserver's `--service-node-port-range` says otherwise; kubeway's setting `kubeway.nodePortRange`): the API server rejects a node port outside it, on a ClusterIP Service, or used twice.",
    fails: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - port: 80
      nodePort: 8080
`,
    fixed: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - port: 80
      nodePort: 30080
`,
  },
  reads: ['nodePorts'],
  kinds: ['Service'],
  appliesTo: appliesToService,
  checkObject(obj, ctx) {
    const r = obj.reader;
    const type = serviceTypeOf(obj);
    if (type === undefined || type === 'ExternalName') return;
    const { min, max } = ctx.settings.nodePortRange;
    const ports = portMaps(obj).flatMap(({ index, map }) => {
      const node = r.get(map, 'nodePort');
      const nodePort = r.int(node);
      if (!node || nodePort === undefined || nodePort === 0) return []; // 0 = unset
      return [
        {
          index,
          map,
          node,
          nodePort,
          port: r.int(r.get(map, 'port')),
          protocol: r.text(r.get(map, 'protocol')) || 'TCP',
        },
      ];
    });

    /** Removing nodePort from a port: the cluster allocates one. */
    const removeNodePort = (map: YAMLMap): Fix[] | undefined => {
      const edit = removePairEdit(obj, map, 'nodePort');
      return edit ? [{ title: 'Remove nodePort (let the cluster pick one)', edits: [edit] }] : undefined;
    };

    if (type === 'ClusterIP') {
      if (ports.length === 0 || typeComesFromBase(obj, ctx.workspace)) return;
      const explicit = !!r.text(specField(obj, 'type'));
      for (const p of ports) {
        ctx.report({
          at: keyNode(obj.reader, p.map, 'nodePort') ?? p.node,
          message: `nodePort is only allowed when type is NodePort or LoadBalancer (this Service ${explicit ? 'is' : 'defaults to'} ClusterIP): remove nodePort, or set type: NodePort.`,
          choices: removeNodePort(p.map),
        });
      }
      return;
    }

    let free: (() => number | undefined) | undefined;
    const fixTo = (node: Node): Fix | undefined => {
      free ??= freeNodePort(ctx);
      const port = free();
      return port === undefined
        ? undefined
        : replaceFix(obj, node, String(port), `Change to the free node port ${port}`);
    };

    for (let i = 0; i < ports.length; i++) {
      const p = ports[i];
      if (p.nodePort < min || p.nodePort > max) {
        ctx.report({
          at: p.node,
          message: `nodePort ${p.nodePort} is outside the node port range ${min}-${max}: use a port in that range, or leave nodePort out to get one assigned.`,
          fix: fixTo(p.node),
          choices: removeNodePort(p.map),
        });
        continue;
      }
      const clash = ports
        .slice(0, i)
        .find((q) => q.nodePort === p.nodePort && (q.protocol === p.protocol || q.port !== p.port));
      if (clash) {
        ctx.report({
          at: p.node,
          message: `nodePort ${p.nodePort} is already used by ports[${clash.index}] of this Service: each port needs its own nodePort (or leave it out to get one assigned).`,
          fix: fixTo(p.node),
          choices: removeNodePort(p.map),
        });
        continue;
      }
      const earlier = earlierServiceWithNodePort(ctx.workspace, obj, p.nodePort);
      if (earlier) {
        ctx.report({
          at: p.node,
          message: `nodePort ${p.nodePort} is already taken by Service \`${earlier.name ?? '(no name)'}\` earlier in this file: node ports are shared by the whole cluster, so the second Service is rejected. Use another port, or leave nodePort out.`,
          fix: fixTo(p.node),
        });
      }
    }

    const etp = r.text(specField(obj, 'externalTrafficPolicy'));
    const hcNode = specField(obj, 'healthCheckNodePort');
    const hc = r.int(hcNode);
    if (type !== 'LoadBalancer' || etp !== 'Local' || !hcNode || hc === undefined || hc === 0) return;
    if (hc < min || hc > max) {
      ctx.report({
        at: hcNode,
        message: `healthCheckNodePort ${hc} is outside the node port range ${min}-${max}: use a port in that range, or leave it out to get one assigned.`,
        fix: fixTo(hcNode),
      });
    } else {
      const clash = ports.find((q) => q.nodePort === hc);
      if (clash) {
        ctx.report({
          at: hcNode,
          message: `healthCheckNodePort ${hc} is already the nodePort of ports[${clash.index}]: use another port of the range, or leave it out to get one assigned.`,
          fix: fixTo(hcNode),
        });
      }
    }
  },
};

/**
 * A Service written before this one in the same file whose ports use the node port (not the same Service
 * declared again: kubectl applies that as an update of the first).
 */
function earlierServiceWithNodePort(ws: Workspace, obj: K8sObject, nodePort: number): K8sObject | undefined {
  return earlierFileServicesWithNodePort(ws, obj, nodePort).find(
    (other) => !(other.name === obj.name && other.namespace === obj.namespace),
  );
}

/** Hands out the free ports of the range in order, so two fixes in one Service do not pick the same one. */
function freeNodePort(ctx: RuleContext): () => number | undefined {
  const used = usedNodePorts(ctx.workspace);
  const { min, max } = ctx.settings.nodePortRange;
  let next = min;
  return () => {
    while (next <= max && used.has(next)) next++;
    if (next > max) return undefined;
    return next++;
  };
}
