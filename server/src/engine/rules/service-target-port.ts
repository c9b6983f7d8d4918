import type { Node } from 'yaml';
import type { ContainerPort, PodTemplate } from '../model/podTemplate';
import { servingContainers } from '../model/podTemplate';
import { effectiveTargetPort, findTargetContainerPort, serviceOf } from '../model/service';
import type { ServicePort } from '../model/service';
import type { Fix } from '../types';
import type { Rule, RuleContext } from './rule';
import type { K8sObject } from '../model/object';
import { isValidPortName } from '../k8s/validation';
import { isKustomizePatch } from '../model/kustomize';
import { appliesToService, customTemplatesSelected, selectedTemplates, svcName } from './utils/service';
import { replaceScalarEdit } from './utils/edits';

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];

/**
 * Whether each Service port reaches a container port of the pods the Service selects (same namespace), as
 * the endpoints controller resolves it (FindPort):
 *
 * - A named targetPort is looked up by name AND protocol in the app containers and in sidecars (init
 *   containers with restartPolicy: Always); ordinary init containers never serve traffic. When no selected
 *   template has it, no pod ever becomes an endpoint for that port: an ERROR. Kubernetes resolves per pod, so
 *   when the selector matches several workloads and only some of them have the name, the others simply get
 *   no endpoint for that port; that is how one Service fronts different pods on different ports, so it is
 *   not reported.
 * - A numeric targetPort (or the defaulted one, equal to `port`) is used as is: containerPort declarations
 *   are informational, and a container may listen on a port it does not declare. It is only a WARNING, and
 *   only when every selected template declares ports and none declares this number with this protocol, so
 *   manifests that declare no ports at all stay quiet.
 *
 * Nothing is reported when the selector matches no template (service-selects-no-pods says so), when it also
 * matches the pod template of a kind kubeway does not model (its containers are not read), for ExternalName
 * Services, or for a targetPort that is itself invalid (service-port says so).
 */
export const serviceTargetPort: Rule = {
  id: 'service-target-port',
  description:
    'A Service targetPort must match a container port of the selected pods (a named one by name and protocol).',
  severity: 'error',
  docs: {
    why: 'The endpoints controller resolves a named targetPort in each selected pod, by name and protocol: when no container has a port of that name, no pod becomes an endpoint for the port and traffic to it fails. A numeric targetPort that no container declares is a warning: a container may listen on a port it does not declare.',
    fails: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: http
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - name: web
              containerPort: 8080
`,
    fixed: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: web
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - name: web
              containerPort: 8080
`,
  },
  reads: ['podTemplatesSelected'],
  explains: 'target-port',
  kinds: ['Service'],
  appliesTo: appliesToService,
  checkObject(obj, ctx) {
    const svc = serviceOf(obj);
    if (!svc || svc.type.toLowerCase() === 'externalname') return;
    if (!svc.selector || svc.selector.size === 0) return;
    const templates = selectedTemplates(ctx.workspace, svc);
    if (templates.length === 0) return;
    let skip: boolean | undefined;
    const report: RuleContext['report'] = (f) => {
      // A kustomize patch is judged with its base; pods of unmodelled kinds may serve the port.
      skip ??=
        isKustomizePatch(ctx.workspace, obj) || customTemplatesSelected(ctx.workspace, obj, svc.selector!).length > 0;
      if (!skip) ctx.report(f);
    };
    const out: RuleContext = { ...ctx, report };
    for (const p of svc.ports) {
      if (!PROTOCOLS.includes(p.protocol)) continue; // service-port-protocol reports it
      const target = effectiveTargetPort(p);
      if (typeof target === 'string') checkNamed(obj, out, p, target, templates);
      else if (typeof target === 'number') checkNumber(obj, out, p, target, templates);
    }
  },
};

function checkNamed(obj: K8sObject, ctx: RuleContext, p: ServicePort, name: string, templates: PodTemplate[]): void {
  if (isValidPortName(name).length) return;
  if (templates.some((t) => findTargetContainerPort(t, p))) return;
  const at = obj.reader.get(p.node, 'targetPort') as Node;
  const head = `targetPort \`${name}\` matches no container port named \`${name}\` (${p.protocol}) in the pods ${svcName(obj)} selects (${owners(templates)})`;

  const serving = templates.flatMap((t) => servingContainers(t).flatMap((c) => c.ports.map((cp) => ({ t, cp }))));
  // A container port of that name with an invalid protocol is container-port's to report.
  if (serving.some(({ cp }) => cp.name === name && !PROTOCOLS.includes(cp.protocol))) return;
  const otherProtocol = serving.find(({ cp }) => cp.name === name);
  if (otherProtocol) {
    ctx.report({
      at,
      message: `${head}: container port \`${name}\` of ${owner(otherProtocol.t)} is ${otherProtocol.cp.protocol}, but this Service port is ${p.protocol}. Set protocol: ${otherProtocol.cp.protocol} on the Service port, or point it at a ${p.protocol} port.`,
    });
    return;
  }
  const inInit = templates
    .flatMap((t) => t.containers.filter((c) => c.init && !c.sidecar).map((c) => ({ t, c })))
    .find(({ c }) => c.ports.some((cp) => cp.name === name));
  if (inInit) {
    ctx.report({
      at,
      message: `${head}: only init container \`${inInit.c.name ?? '(no name)'}\` of ${owner(inInit.t)} declares it, and an init container serves no traffic unless it is a sidecar (restartPolicy: Always).`,
    });
    return;
  }
  const names = unique(
    serving.filter(({ cp }) => cp.name && cp.protocol === p.protocol).map(({ cp }) => `\`${cp.name}\``),
  );
  ctx.report({
    at,
    choices: portChoices(
      obj,
      at,
      serving.filter(({ cp }) => cp.protocol === p.protocol),
    ),
    message: names.length
      ? `${head}: the ${p.protocol} ports there are named ${list(names)}. Use one of those names, or the port number.`
      : `${head}: none of their ${p.protocol} container ports has that name. Name the container port \`${name}\`, or use the port number.`,
  });
}

function checkNumber(obj: K8sObject, ctx: RuleContext, p: ServicePort, n: number, templates: PodTemplate[]): void {
  if (!Number.isInteger(n) || n < 1 || n > 65535) return;
  const declared = (t: PodTemplate): ContainerPort[] =>
    servingContainers(t).flatMap((c) => c.ports.filter((cp) => cp.containerPort !== undefined));
  if (!templates.every((t) => declared(t).length > 0)) return;
  if (templates.some((t) => findTargetContainerPort(t, p))) return;
  const r = obj.reader;
  const explicit = r.get(p.node, 'targetPort');
  const defaulted =
    effectiveTargetPort(p) === p.port && (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '');
  const at = (defaulted ? r.get(p.node, 'port') : explicit) as Node | undefined;
  if (!at) return;
  const all = templates.flatMap((t) => declared(t));
  if (all.some((cp) => cp.containerPort === n && !PROTOCOLS.includes(cp.protocol))) return;
  const sameNumber = all.find((cp) => cp.containerPort === n);
  const ports = unique(all.map((cp) => `${cp.containerPort}/${cp.protocol}`));
  const subject = defaulted
    ? `targetPort is not set, so traffic goes to port ${n}/${p.protocol}, which no container of the pods ${svcName(obj)} selects declares`
    : `targetPort ${n}/${p.protocol} is not declared by any container of the pods ${svcName(obj)} selects`;
  let advice: string;
  if (sameNumber)
    advice = `port ${n} is declared as ${sameNumber.protocol}: set protocol: ${sameNumber.protocol} on the Service port if that is the one`;
  else if (defaulted) advice = `they declare ${list(ports)}; set targetPort to the port the container listens on`;
  else advice = `they declare ${list(ports)}; check the number, or declare containerPort ${n}`;
  const choices = defaulted
    ? undefined
    : portChoices(
        obj,
        at,
        templates.flatMap((t) =>
          declared(t)
            .filter((cp) => cp.protocol === p.protocol)
            .map((cp) => ({ t, cp })),
        ),
      );
  ctx.report({ at, message: `${subject} (${owners(templates)}): ${advice}.`, severity: 'warning', choices });
}

/**
 * One fix per container port the selected pods declare: by name (the targetPort keeps working when the number
 * changes) for each named port, then by number. A name keeps the value's quotes; a number is written plain
 * (a quoted number would be a port name, which cannot be all digits).
 */
function portChoices(obj: K8sObject, at: Node, ports: { t: PodTemplate; cp: ContainerPort }[]): Fix[] | undefined {
  const byName: Fix[] = [];
  const byNumber: Fix[] = [];
  const seen = new Set<string>();
  for (const { t, cp } of ports) {
    // Plain text: editors show a fix's title as is (no Markdown).
    const of = `${t.owner.kind} ${t.owner.name ?? '(no name)'}`;
    if (cp.name && !seen.has(`n:${cp.name}`)) {
      seen.add(`n:${cp.name}`);
      byName.push({
        title: `Change targetPort to ${cp.name} (container port ${cp.containerPort ?? '?'}/${cp.protocol} of ${of})`,
        edits: [replaceScalarEdit(obj, at, cp.name)],
      });
    }
    if (cp.containerPort !== undefined && !seen.has(`p:${cp.containerPort}`)) {
      seen.add(`p:${cp.containerPort}`);
      const n = String(cp.containerPort);
      byNumber.push({
        title: `Change targetPort to ${n} (container port ${cp.name ? `${cp.name} ` : ''}of ${of})`,
        edits: [{ range: obj.doc.rangeOf(at), newText: n }],
      });
    }
  }
  const all = [...byName, ...byNumber];
  return all.length ? all : undefined;
}

function owner(t: PodTemplate): string {
  return `${t.owner.kind} \`${t.owner.name ?? '(no name)'}\``;
}

function owners(templates: PodTemplate[]): string {
  const names = templates.map(owner);
  return names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function list(values: string[]): string {
  const shownValues = values.length > 6 ? [...values.slice(0, 6), `${values.length - 6} more`] : values;
  return shownValues.length <= 1
    ? shownValues.join('')
    : `${shownValues.slice(0, -1).join(', ')} and ${shownValues[shownValues.length - 1]}`;
}
