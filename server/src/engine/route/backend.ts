/**
 * From a Service port to the pods, with the reference model (`model/references.ts`) and, where a reference
 * leads nowhere, the words of the rule that reports it: a trace and its diagnostic say the same thing.
 */
import type { Node } from 'yaml';
import type { K8sObject } from '../model/object';
import { resolveTargetPort, selectedTemplates, selectorText, selectsPods } from '../model/references';
import { effectiveTargetPort } from '../model/service';
import type { Service, ServicePort } from '../model/service';
import type { Workspace } from '../model/workspace';
import { findingsOf, reasonWithin } from '../reasons';
import type { EdgeReason } from '../rules/rule';
import type { BackendTrace, ServiceHop } from './types';

export function objectName(o: K8sObject): string {
  return `${o.namespace}/${o.name ?? '(no name)'}`;
}

export function portText(p: ServicePort): string {
  return `${p.port ?? '?'}${p.name !== undefined ? ` (${p.name})` : ''}`;
}

/** The reason the rules that explain this kind of edge give for a reference written at `at` in `obj` (its value at `value`), or the fallback. */
export function ruleReason(
  ws: Workspace,
  obj: K8sObject,
  at: Node,
  edge: EdgeReason,
  fallback: string,
  value: Node = at,
): string {
  return reasonWithin(findingsOf(ws, obj, edge), obj.doc.rangeOf(at), obj.doc.rangeOf(value)) ?? fallback;
}

export function serviceHop(svc: Service, port: ServicePort | undefined, written: number | string | null): ServiceHop {
  const target = port ? effectiveTargetPort(port) : undefined;
  return {
    namespace: svc.obj.namespace,
    name: svc.obj.name ?? '',
    port: written,
    servicePort: port?.port ?? null,
    targetPort: target ?? null,
    file: svc.obj.file,
    line: svc.obj.doc.rangeOf(svc.obj.node).start.line,
  };
}

/** Follows a request that reached `port` of a Service to the containers of the pods it selects. */
export function followServicePort(
  ws: Workspace,
  svc: Service,
  port: ServicePort | undefined,
  written: number | string | null,
): BackendTrace {
  const obj = svc.obj;
  const name = objectName(obj);
  const service = serviceHop(svc, port, written);
  const out: BackendTrace = { outcome: 'routed', service, pods: [], why: [] };
  if (svc.type === 'ExternalName') {
    out.why.push(
      `Service ${name} is ExternalName: the request goes to ${svc.externalName ?? '(no externalName)'}${port?.port !== undefined ? ` port ${port.port}` : ''}, outside the cluster's pods`,
    );
    return out;
  }
  if (!port) {
    out.outcome = 'broken';
    out.why.push(`Service ${name} has no port ${written ?? ''}`.trim());
    return out;
  }
  const target = effectiveTargetPort(port);
  out.why.push(`Service ${name} port ${portText(port)} → targetPort ${target ?? '?'}`);
  if (!selectsPods(svc)) {
    out.why.push(`Service ${name} has no selector: its endpoints are managed outside these files`);
    return out;
  }
  const templates = selectedTemplates(ws, svc);
  if (templates.length === 0) {
    out.outcome = 'broken';
    out.why.push(
      findingsOf(ws, obj, 'selection')[0]?.message ??
        `Service \`${obj.name}\` selects no pods: no workload in namespace \`${obj.namespace}\` has labels ${selectorText(svc.selector!)}.`,
    );
    return out;
  }
  const unserved: string[] = [];
  for (const tpl of templates) {
    const { target: t, containerPort } = resolveTargetPort(tpl, port);
    const owner = tpl.owner;
    if (typeof t === 'string' && !containerPort) {
      unserved.push(`${owner.kind} ${objectName(owner)}`);
      continue;
    }
    const number = containerPort?.containerPort ?? (typeof t === 'number' ? t : null);
    out.pods.push({
      kind: owner.kind,
      namespace: owner.namespace,
      name: owner.name ?? '',
      container: containerPort?.container.name ?? null,
      containerPort: number,
      protocol: port.protocol,
      file: owner.file,
      line: (containerPort ? owner.doc.rangeOf(containerPort.node) : owner.doc.rangeOf(owner.node)).start.line,
    });
    out.why.push(
      containerPort
        ? `pods of ${owner.kind} ${objectName(owner)}: container ${containerPort.container.name ?? '(no name)'} port ${number}/${port.protocol}`
        : `pods of ${owner.kind} ${objectName(owner)}: port ${number}/${port.protocol} (no container declares it; the pods receive it all the same)`,
    );
  }
  if (out.pods.length === 0) {
    out.outcome = 'broken';
    const targetNode = obj.reader.get(port.node, 'targetPort') ?? port.node;
    out.why.push(
      ruleReason(
        ws,
        obj,
        port.node,
        'target-port',
        `targetPort \`${target}\` matches no container port named \`${target}\` (${port.protocol}) in the pods Service \`${obj.name}\` selects.`,
        targetNode,
      ),
    );
  } else if (unserved.length) {
    out.why.push(`not ${unserved.join(', ')}: no container port named ${target} (${port.protocol})`);
  }
  return out;
}
