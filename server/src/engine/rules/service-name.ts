import type { Rule } from './rule';
import { nameIsDNS1035Label, nameIsDNSLabel } from '../k8s/validation';
import { isInvalid } from './utils/messages';
import { isKustomizePatch } from '../model/kustomize';
import { deepestKey } from './utils/object';
import { appliesToService } from './utils/service';

/**
 * A Service's name becomes a DNS label (`<name>.<namespace>.svc`), so the API server requires a DNS-1035
 * label (ValidateServiceName): stricter than most objects, it must start with a letter. generateName is
 * checked the same way, a trailing '-' allowed; a name (or generateName) is required, except in a kustomize
 * patch, and metadata.namespace must be a DNS label. (object-name leaves Services to this rule.)
 */
export const serviceName: Rule = {
  id: 'service-name',
  description:
    'Service name must be a DNS-1035 label: at most 63 lowercase letters, digits and -, starting with a letter.',
  severity: 'error',
  docs: {
    why: "A Service's name becomes a DNS label (`<name>.<namespace>.svc`) and the prefix of environment variables in pods, so the API server accepts only DNS-1035 labels: lowercase letters, digits and `-`, starting with a letter, at most 63 characters.",
    fails: `apiVersion: v1
kind: Service
metadata:
  name: web.api
spec:
  selector:
    app: web
  ports:
    - port: 80
`,
    fixed: `apiVersion: v1
kind: Service
metadata:
  name: web-api
spec:
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
    const nameNode = r.get(obj.metadata, 'name');
    const genNode = r.get(obj.metadata, 'generateName');
    const nameScalar = r.scalar(nameNode);
    const genScalar = r.scalar(genNode);
    // Not a string: the schema walk reports the type.
    if (
      (nameNode && (!nameScalar || (nameScalar.value !== null && typeof nameScalar.value !== 'string'))) ||
      (genNode && (!genScalar || (genScalar.value !== null && typeof genScalar.value !== 'string')))
    )
      return;
    const name = r.str(nameNode) ?? '';
    const gen = r.str(genNode) ?? '';

    if (name !== '') {
      const errs = nameIsDNS1035Label(name, false);
      if (errs.length) {
        ctx.report({
          at: nameNode!,
          message: `Service name \`${name}\` ${isInvalid(errs)}.`,
        });
      }
    } else if (gen === '' && !isKustomizePatch(ctx.workspace, obj)) {
      ctx.report({
        at: deepestKey(obj, 'metadata', 'name'),
        message: 'Service has no metadata.name: set a name (or generateName).',
      });
    }

    if (gen !== '') {
      // Validated as a prefix: a trailing '-' is fine (the API server appends random characters to it).
      const errs = nameIsDNS1035Label(gen, true);
      if (errs.length) {
        ctx.report({
          at: genNode!,
          message: `Service generateName \`${gen}\` ${isInvalid(errs)}.`,
        });
      }
    }

    const nsNode = r.get(obj.metadata, 'namespace');
    const ns = r.str(nsNode);
    if (nsNode && ns) {
      const errs = nameIsDNSLabel(ns, false);
      if (errs.length) {
        ctx.report({ at: nsNode, message: `Namespace \`${ns}\` ${isInvalid(errs)}.` });
      }
    }
  },
};
