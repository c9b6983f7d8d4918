import { selectsPodsWith } from '../model/controllerLabels';
import type { PodTemplate } from '../model/podTemplate';
import { selectorMatches, serviceOf } from '../model/service';
import type { Rule } from './rule';
import { isQualifiedName, isValidLabelValue } from '../k8s/validation';
import { getsKustomizeSelectorLabels, isKustomizePatch } from '../model/kustomize';
import { keyNode } from '../parse/values';
import { specOf } from './utils/object';
import { misplacedTemplateLabels } from './utils/podSpec';
import { appliesToService, customTemplatesSelected, namespacesOf, selectedTemplates, svcName } from './utils/service';

/**
 * A Service whose selector matches no pod template of its namespace (Deployments, StatefulSets, DaemonSets,
 * ReplicaSets, ReplicationControllers, Jobs, CronJobs, bare Pods) gets no endpoints from the checked files.
 * The pods may come from elsewhere (another repository, an operator), so this is a warning. A Service with
 * no selector (or `selector: {}`) has its endpoints managed by hand and is never reported; ExternalName
 * Services have no endpoints at all. Labels the workload's controller adds to its pods count (a StatefulSet's
 * pod names, a Job's job-name, …: model/controllerLabels.ts). Namespaces are compared as written (unset = `default`). Pod templates of
 * kinds kubeway does not model (Argo Rollouts and the like, with a `spec.template`) count as pods too. A
 * selector with an invalid key or value is left to service-selector-labels.
 */
export const serviceSelectsNoPods: Rule = {
  id: 'service-selects-no-pods',
  description: 'The Service selector matches no pod template in its namespace among the checked files.',
  severity: 'warning',
  docs: {
    why: 'A Service sends traffic to the pods its selector matches, in its own namespace. When no workload of the checked files has those labels, the Service has no endpoints and connections to it fail; a warning, since the pods may come from elsewhere (another repository, an operator).',
    fails: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: webapp
  template:
    metadata:
      labels:
        app: webapp
    spec:
      containers:
        - name: web
          image: nginx:1.27
`,
    fixed: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: webapp
  ports:
    - port: 80
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: webapp
  template:
    metadata:
      labels:
        app: webapp
    spec:
      containers:
        - name: web
          image: nginx:1.27
`,
  },
  reads: ['podTemplatesSelected'],
  explains: 'selection',
  kinds: ['Service'],
  appliesTo: appliesToService,
  checkObject(obj, ctx) {
    const svc = serviceOf(obj);
    if (!svc || svc.type.toLowerCase() === 'externalname') return;
    const selector = svc.selector;
    if (!selector || selector.size === 0) return;
    // An invalid selector is rejected with the Service (service-selector-labels): what it selects is moot.
    for (const [k, v] of selector) if (isQualifiedName(k).length || isValidLabelValue(v).length) return;
    const ws = ctx.workspace;
    if (
      selectedTemplates(ws, svc).length > 0 ||
      isKustomizePatch(ws, obj) ||
      customTemplatesSelected(ws, obj, selector).length > 0
    )
      return;
    // kustomize commonLabels add the same labels to this selector and to the pod templates it builds with.
    if (getsKustomizeSelectorLabels(ws, obj)) return;
    // Labels indented beside the template's metadata: workload-selector reports the workload, whose pods these are.
    for (const t of ws.podTemplates(obj.namespace)) {
      const misplaced = misplacedTemplateLabels(t.owner);
      const labels = misplaced ? t.owner.reader.stringMap(misplaced.value) : undefined;
      if (labels && selectorMatches(selector, labels)) return;
    }
    const ns = obj.namespace;
    const wanted = [...selector].map(([k, v]) => `${k}=${v}`).join(', ');
    let hint = '';
    const elsewhere = namespacesOf(ws)
      .filter((n) => n !== ns)
      .flatMap((n) => ws.podTemplates(n))
      .find((t) => selectsPodsWith(selector, t));
    if (elsewhere) {
      hint = ` (${owner(elsewhere)} in namespace \`${elsewhere.owner.namespace}\` has them, but a Service only selects pods of its own namespace)`;
    } else {
      const close = closest(selector, ws.podTemplates(ns));
      if (close) {
        const has = [...selector]
          .map(([k, v]) =>
            close.controllerLabels.has(k)
              ? `${k} from its controller, never ${v}`
              : close.labels.has(k)
                ? `${k}=${close.labels.get(k)}`
                : `no ${k} label`,
          )
          .join(', ');
        hint = ` (closest: ${owner(close)}, with ${has})`;
      }
    }
    ctx.report({
      at: keyNode(obj.reader, specOf(obj), 'selector') ?? obj.anchor,
      message: `${svcName(obj)} selects no pods: no workload in namespace \`${ns}\` has labels ${wanted}${hint}.`,
    });
  },
};

function owner(t: PodTemplate): string {
  return `${t.owner.kind} \`${t.owner.name ?? '(no name)'}\``;
}

/**
 * The template that is most likely meant: the one sharing the most selector labels, or else the only one
 * that has one of the selector's keys (with another value). undefined when nothing stands out.
 */
function closest(selector: Map<string, string>, templates: PodTemplate[]): PodTemplate | undefined {
  let best: PodTemplate | undefined;
  let bestScore = 0;
  const sharingKey: PodTemplate[] = [];
  for (const t of templates) {
    let score = 0;
    let sharesKey = false;
    for (const [k, v] of selector) {
      if (t.labels.get(k) === v) score++;
      if (t.labels.has(k)) sharesKey = true;
    }
    if (sharesKey) sharingKey.push(t);
    if (score > bestScore) {
      best = t;
      bestScore = score;
    }
  }
  return best ?? (sharingKey.length === 1 ? sharingKey[0] : undefined);
}
