/** Go to definition and find references along the traffic path: Ingress backend → Service → pods. */
import { serviceBackends } from '../model/ingress';
import { podTemplateOf } from '../model/podTemplate';
import { effectiveTargetPort, serviceOf } from '../model/service';
import type { Service } from '../model/service';
import type { Workspace } from '../model/workspace';
import { keyText } from '../parse/nodes';
import type { Position } from '../types';
import { cursorContext } from './cursor';
import { hoveredKeyPath } from './hover';
import type { TextLines } from './lines';
import { objectAtCursor, objectPath, pathIs, pathStarts } from './objectAt';
import {
  backendAtPath,
  backendPorts,
  containerPortNode,
  locationOf,
  servicePortAtPath,
  targetPortResolution,
} from './traffic';
import type { Location } from './traffic';

export type { Location };

function keyPathAt(ws: Workspace, path: string, lines: TextLines, pos: Position) {
  const ctx = cursorContext(lines, pos);
  if (!ctx) return undefined;
  const obj = objectAtCursor(ws, path, ctx);
  if (!obj) return undefined;
  const keyPath = hoveredKeyPath(ctx.role, objectPath(ctx, obj).path, ctx.key);
  return keyPath && keyPath.length ? { keyPath, obj } : undefined;
}

/** Where the thing under the cursor is declared: the Service of a backend, the pods of a selector, the container port of a targetPort. */
export function definition(ws: Workspace, path: string, lines: TextLines, pos: Position): Location[] {
  const at = keyPathAt(ws, path, lines, pos);
  if (!at) return [];
  const { keyPath, obj } = at;
  const found = backendAtPath(obj, keyPath);
  if (found) {
    const { backend, inPort } = found;
    if (backend.serviceName === undefined) return [];
    const out: Location[] = [];
    for (const svc of ws.services(obj.namespace, backend.serviceName)) {
      if (inPort) {
        for (const sp of backendPorts(svc, backend)) {
          const pair = sp.node.items.find((p) => keyText(p.key) === (backend.portName !== undefined ? 'name' : 'port'));
          out.push(locationOf(svc.obj, pair?.value ?? sp.node));
        }
      } else out.push(locationOf(svc.obj, svc.obj.anchor));
    }
    return out;
  }
  const svc = serviceOf(obj);
  if (svc) {
    if (pathStarts(keyPath, ['spec', 'selector'])) {
      return ws.selectedBy(svc).map((t) => {
        const labels = t.owner.reader.get(t.metadata, 'labels');
        return locationOf(t.owner, labels ?? t.owner.anchor);
      });
    }
    if (pathIs(keyPath, ['spec', 'ports', '*', 'targetPort'])) {
      const sp = servicePortAtPath(svc, keyPath.slice(0, 3));
      if (!sp) return [];
      const byName = typeof effectiveTargetPort(sp) === 'string';
      return targetPortResolution(ws, svc, sp).flatMap(({ template, port }) =>
        port ? [locationOf(template.owner, containerPortNode(port, byName))] : [],
      );
    }
  }
  const tpl = podTemplateOf(obj);
  if (tpl && pathStarts(keyPath, ['spec', 'selector']) && obj.kind !== 'Pod') {
    const labels = obj.reader.get(tpl.metadata, 'labels');
    return labels ? [locationOf(obj, labels)] : [];
  }
  return [];
}

/** The Service at the cursor: the Service being edited (on its name or kind), or the one an Ingress backend names. */
function serviceAt(ws: Workspace, path: string, lines: TextLines, pos: Position): Service | undefined {
  const at = keyPathAt(ws, path, lines, pos);
  if (!at) return undefined;
  const { keyPath, obj } = at;
  const svc = serviceOf(obj);
  if (svc)
    return pathIs(keyPath, ['metadata', 'name']) || pathIs(keyPath, ['kind']) || pathIs(keyPath, ['metadata'])
      ? svc
      : undefined;
  const found = backendAtPath(obj, keyPath);
  if (found?.backend.serviceName === undefined) return undefined;
  return ws.services(obj.namespace, found.backend.serviceName)[0];
}

/** The Ingress backends that route to the Service at the cursor (and its declaration when asked). */
export function references(
  ws: Workspace,
  path: string,
  lines: TextLines,
  pos: Position,
  includeDeclaration: boolean,
): Location[] {
  const svc = serviceAt(ws, path, lines, pos);
  if (!svc || svc.obj.name === undefined) return [];
  const out: Location[] = [];
  for (const ing of ws.ingressesRoutingTo(svc)) {
    for (const { backend } of serviceBackends(ing)) {
      if (backend.serviceName === svc.obj.name && backend.serviceNameNode)
        out.push(locationOf(ing.obj, backend.serviceNameNode));
    }
  }
  out.sort((a, b) => (a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.range.start.line - b.range.start.line));
  return includeDeclaration ? [locationOf(svc.obj, svc.obj.anchor), ...out] : out;
}
