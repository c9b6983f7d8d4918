/**
 * The Workspace keeps indexes (templates by label, Services by selector, Ingresses by backend, namespace and
 * host, ...) and updates them object by object when a file changes. Every indexed answer must equal the
 * answer computed by scanning all objects, through random edits of several files.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { selectsPodsWith } from '../../server/src/engine/model/controllerLabels';
import { ingressOf, serviceBackends } from '../../server/src/engine/model/ingress';
import type { Ingress } from '../../server/src/engine/model/ingress';
import type { K8sObject } from '../../server/src/engine/model/object';
import { podTemplateOf } from '../../server/src/engine/model/podTemplate';
import type { PodTemplate } from '../../server/src/engine/model/podTemplate';
import { selectorMatches, serviceOf } from '../../server/src/engine/model/service';
import type { Service } from '../../server/src/engine/model/service';
import { Workspace } from '../../server/src/engine/model/workspace';
import { EDITS, corpus } from './workspaceEdits';

const id = (o: K8sObject): string => `${o.file}:${o.doc.index}:${o.kind}/${o.namespace}/${o.name}`;
const ids = (xs: { obj?: K8sObject; owner?: K8sObject }[]): string[] => xs.map((x) => id((x.obj ?? x.owner)!)).sort();

function assertIndexesMatchScan(ws: Workspace, where: string): void {
  const objects = [...ws.objects()];
  const services = objects.flatMap((o) => serviceOf(o) ?? []);
  const templates = objects.flatMap((o) => podTemplateOf(o) ?? []);
  const ingresses = objects.flatMap((o) => ingressOf(o) ?? []);
  const namespaces = [...new Set(objects.map((o) => o.namespace))].sort();
  assert.deepEqual(ws.namespaces(), namespaces, where);
  assert.deepEqual(
    ids(ws.servicesWithNodePorts()),
    ids(services.filter((s) => s.ports.some((p) => p.nodePort !== undefined))),
    where,
  );
  for (const s of services) {
    const scan: PodTemplate[] = s.selector
      ? templates.filter((t) => t.owner.namespace === s.obj.namespace && selectsPodsWith(s.selector!, t))
      : [];
    assert.deepEqual(ids(ws.selectedBy(s)), ids(scan), `${where}: selectedBy ${id(s.obj)}`);
    const routing = ingresses.filter(
      (i) =>
        i.obj.namespace === s.obj.namespace && serviceBackends(i).some((b) => b.backend.serviceName === s.obj.name),
    );
    assert.deepEqual(ids(ws.ingressesRoutingTo(s)), ids(routing), `${where}: ingressesRoutingTo ${id(s.obj)}`);
  }
  for (const t of templates) {
    const scan: Service[] = services.filter((s) => s.selector && selectsPodsWith(s.selector, t));
    assert.deepEqual(ids(ws.servicesSelecting(t)), ids(scan), `${where}: servicesSelecting ${id(t.owner)}`);
    const owners = templates.filter((other) => {
      if (other.owner.namespace !== t.owner.namespace) return false;
      const o = other.owner;
      const sel = o.reader.stringMap(o.get('spec', 'selector', 'matchLabels') ?? o.get('spec', 'selector'));
      return !!sel && selectorMatches(sel, t.labels);
    });
    assert.deepEqual(
      ids(ws.templatesWithOwnerSelecting(t.owner.namespace, t.labels)),
      ids(owners),
      `${where}: templatesWithOwnerSelecting ${id(t.owner)}`,
    );
  }
  const names = new Set(ingresses.flatMap((i) => serviceBackends(i).map((b) => b.backend.serviceName ?? '')));
  for (const name of [...names, 'none']) {
    const scan: Ingress[] = ingresses.filter((i) => serviceBackends(i).some((b) => b.backend.serviceName === name));
    assert.deepEqual(ids(ws.ingressesNaming(name)), ids(scan), `${where}: ingressesNaming ${name}`);
  }
  for (const ns of [...namespaces, 'none'])
    assert.deepEqual(ids(ws.ingressesIn(ns)), ids(ingresses.filter((i) => i.obj.namespace === ns)), where);
  const hosts = new Set(ingresses.flatMap((i) => i.rules.map((r) => r.host ?? '')));
  for (const host of [...hosts, 'none']) {
    assert.deepEqual(
      ids(ws.ingressesWithHost(host)),
      ids(ingresses.filter((i) => i.rules.some((r) => (r.host ?? '') === host))),
      `${where}: host ${host}`,
    );
  }
}

describe('Workspace indexes', () => {
  it('answer as a scan of every object does, through random edits', () => {
    let seed = 5;
    const pick = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const files = corpus();
    const ws = new Workspace();
    for (const [p, t] of files) ws.setText(p, t);
    assertIndexesMatchScan(ws, 'start');
    const paths = [...files.keys()];
    for (let round = 0; round < 120; round++) {
      const p = paths[pick(paths.length)];
      const next = EDITS[pick(EDITS.length)](files.get(p)!, pick);
      files.set(p, next);
      ws.setText(p, next);
      assertIndexesMatchScan(ws, `round ${round}`);
    }
    ws.remove(paths[0]);
    assertIndexesMatchScan(ws, 'after a removal');
  });
});
