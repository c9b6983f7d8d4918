import type { Node, YAMLMap } from 'yaml';
import { WORKLOAD_KINDS, isWorkload } from '../model/apiVersions';
import type { K8sObject } from '../model/object';
import type { DocReader } from '../parse/nodes';
import type { Rule, RuleContext } from './rule';
import { isValidPortName } from '../k8s/validation';
import { lowerFirst } from './utils/messages';
import { isKustomizePatch } from '../model/kustomize';
import { isUnset, keyNode, stringOrNull } from '../parse/values';
import { containerLabel, podSpecOf } from './utils/podSpec';
import type { ContainerRef } from './utils/podSpec';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const LIFECYCLE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'];
const PROBE_COUNTS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'];
/** The pod's terminationGracePeriodSeconds when it is not set. */
const DEFAULT_GRACE_SECONDS = 30;

/**
 * Probes and lifecycle hooks as core validateProbe / validateHandler check them: exactly one handler; a port
 * that is a number from 1 to 65535 or a port name — and since the kubelet looks a named port up among the
 * container's own ports, a name the container does not declare makes the probe fail forever; scheme HTTP or
 * HTTPS; counts and delays of 0 or more (0 is the default) and a successThreshold of 1 for liveness and
 * startup probes; a sleep hook no longer than the pod's terminationGracePeriodSeconds; no probes or hooks on init containers that
 * are not sidecars (restartPolicy: Always).
 */
export const containerProbe: Rule = {
  id: 'container-probe',
  description:
    'Probes and lifecycle hooks need exactly one handler with a valid port (a named port must exist in the container).',
  severity: 'error',
  docs: {
    why: 'The kubelet runs each probe and hook with exactly one handler, against a port of the container: the API server rejects a probe with no handler or two, and a named port the container does not declare.',
    fails: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - name: web
          containerPort: 8080
      readinessProbe:
        httpGet:
          path: /healthz
          port: http
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
        - name: web
          containerPort: 8080
      readinessProbe:
        httpGet:
          path: /healthz
          port: web
`,
  },
  kinds: WORKLOAD_KINDS,
  appliesTo: (obj) => isWorkload(obj.apiVersion, obj.kind),
  checkContainer(c, obj, ctx) {
    const r = obj.reader;
    // A kustomize patch may probe a port that the base declares.
    const patch = isKustomizePatch(ctx.workspace, obj);
    const declared = new Set<string>();
    for (const p of r.items(r.get(c.map, 'ports'))) {
      const n = r.str(r.get(p, 'name'));
      if (n) declared.add(n);
    }
    const portNames = patch ? undefined : declared;
    const sidecar = c.list === 'initContainers' && r.str(r.get(c.map, 'restartPolicy')) === 'Always';
    for (const field of [...PROBES, 'lifecycle'] as const) {
      const node = r.get(c.map, field);
      if (isUnset(r, node) || !r.map(node)) continue;
      if (c.list === 'initContainers' && !sidecar) {
        ctx.report({
          at: keyNode(r, c.map, field) as Node,
          message: `${containerLabel(c)} is an init container: ${field} is only allowed on init containers with restartPolicy: Always (sidecars).`,
        });
        continue;
      }
      if (c.list === 'ephemeralContainers') continue; // the API server forbids them there; not our concern
      if (field === 'lifecycle') {
        for (const hook of ['postStart', 'preStop']) {
          const h = r.map(r.get(node, hook));
          if (h) checkHandler(obj, ctx, h, keyNode(r, node, hook) as Node, hook, LIFECYCLE_HANDLERS, c, portNames);
          const secondsNode = r.get(r.get(h, 'sleep'), 'seconds');
          const seconds = r.int(secondsNode);
          const grace = r.int(r.get(podSpecOf(obj), 'terminationGracePeriodSeconds')) ?? DEFAULT_GRACE_SECONDS;
          if (seconds !== undefined && (seconds < 0 || seconds > grace)) {
            ctx.report({
              at: secondsNode as Node,
              message: `The ${hook} sleep of ${seconds} seconds ${seconds < 0 ? 'is negative' : `is longer than the pod's terminationGracePeriodSeconds (${grace})`}: sleep at most ${grace} seconds, or raise terminationGracePeriodSeconds.`,
            });
          }
        }
        continue;
      }
      const probe = r.map(node)!;
      checkHandler(obj, ctx, probe, keyNode(r, c.map, field) as Node, field, PROBE_HANDLERS, c, portNames);
      // Zero means "the default" (1 second timeout, 10 seconds period, thresholds 1 and 3).
      for (const count of PROBE_COUNTS) {
        const n = r.get(probe, count);
        const v = r.int(n);
        if (v !== undefined && v < 0)
          ctx.report({
            at: n as Node,
            message: `${count} of the ${field} is ${v}: it must be 0 or more (0 means the default).`,
          });
      }
      const st = r.get(probe, 'successThreshold');
      const value = r.int(st);
      if (field !== 'readinessProbe' && value !== undefined && value > 1) {
        ctx.report({ at: st as Node, message: `successThreshold of a ${field} must be 1 (it is ${value}).` });
      }
      const grace = r.get(probe, 'terminationGracePeriodSeconds');
      const graceValue = r.int(grace);
      if (field !== 'readinessProbe' && graceValue !== undefined && graceValue <= 0) {
        ctx.report({
          at: grace as Node,
          message: `terminationGracePeriodSeconds of the ${field} is ${graceValue}: it must be greater than 0 (or left out to use the pod's).`,
        });
      }
      if (field === 'readinessProbe' && !isUnset(r, r.get(probe, 'terminationGracePeriodSeconds'))) {
        ctx.report({
          at: keyNode(r, probe, 'terminationGracePeriodSeconds') as Node,
          message: `terminationGracePeriodSeconds is not allowed on a readinessProbe (only liveness and startup probes).`,
        });
      }
    }
  },
};

function checkHandler(
  obj: K8sObject,
  ctx: RuleContext,
  map: YAMLMap,
  key: Node,
  what: string,
  handlers: string[],
  c: ContainerRef,
  portNames: Set<string> | undefined,
): void {
  const r = obj.reader;
  const set = handlers.filter((h) => !isUnset(r, r.get(map, h)));
  if (set.length === 0) {
    ctx.report({
      at: key,
      message: `${what} of ${lowerFirst(containerLabel(c))} has no handler: set one of ${handlers.join(', ')}.`,
    });
    return;
  }
  if (set.length > 1) {
    ctx.report({
      at: keyNode(r, map, set[1]) as Node,
      message: `${what} has both ${set[0]} and ${set[1]}: use exactly one handler.`,
    });
  }
  for (const h of ['httpGet', 'tcpSocket']) {
    const action = r.map(r.get(map, h));
    if (!action) continue;
    const portNode = r.get(action, 'port');
    if (portNode === undefined || r.scalar(portNode)?.value === null) {
      ctx.report({
        at: keyNode(r, map, h) as Node,
        message: `${h} of the ${what} has no port: set a port number or the name of a container port.`,
      });
    } else {
      checkPort(ctx, r, portNode, `${h} port`, c, portNames);
    }
    if (h === 'httpGet') {
      const schemeNode = r.get(action, 'scheme');
      const scheme = stringOrNull(r, schemeNode);
      if (scheme && scheme !== 'HTTP' && scheme !== 'HTTPS') {
        const right = ['HTTP', 'HTTPS'].find((s) => s === scheme.toUpperCase());
        ctx.report({
          at: schemeNode as Node,
          message: right
            ? `scheme \`${scheme}\` must be written \`${right}\` (the API server is case-sensitive).`
            : `Unsupported scheme \`${scheme}\`: use HTTP or HTTPS.`,
          fix: right
            ? { title: `Change to ${right}`, edits: [{ range: obj.doc.rangeOf(schemeNode), newText: right }] }
            : undefined,
        });
      }
    }
  }
  const grpc = r.map(r.get(map, 'grpc'));
  if (grpc) {
    const portNode = r.get(grpc, 'port');
    const port = r.int(portNode);
    if (port !== undefined && (port < 1 || port > 65535))
      ctx.report({
        at: portNode as Node,
        message: `grpc port ${port} is out of range: use a port number from 1 to 65535.`,
      });
  }
  const exec = r.map(r.get(map, 'exec'));
  if (exec && r.items(r.get(exec, 'command')).length === 0 && !r.scalar(r.get(exec, 'command'))?.value) {
    ctx.report({
      at: keyNode(r, map, 'exec') as Node,
      message: `exec of the ${what} has no command: set the command to run.`,
    });
  }
}

function checkPort(
  ctx: RuleContext,
  r: DocReader,
  node: Node,
  what: string,
  c: ContainerRef,
  portNames: Set<string> | undefined,
): void {
  const n = r.int(node);
  if (n !== undefined) {
    if (n < 1 || n > 65535)
      ctx.report({ at: node, message: `${what} ${n} is out of range: use a port number from 1 to 65535.` });
    return;
  }
  const name = stringOrNull(r, node);
  if (!name) return;
  if (/^\d+$/.test(name)) {
    ctx.report({
      at: node,
      message: `${what} "${name}" is quoted, so it is read as a port name, which needs a letter: write ${name} without quotes.`,
    });
    return;
  }
  const errs = isValidPortName(name);
  if (errs.length) {
    ctx.report({
      at: node,
      message: `${what} \`${name}\` is neither a number nor a valid port name: ${errs.join('; ')}.`,
    });
  } else if (portNames && !portNames.has(name)) {
    ctx.report({
      at: node,
      message: `${what} \`${name}\` names no port of ${lowerFirst(containerLabel(c))}${portNames.size ? ` (it has ${[...portNames].map((p) => `\`${p}\``).join(', ')})` : ''}: the kubelet looks the name up in the container's own ports, so the probe always fails.`,
    });
  }
}
