import type { Rule } from './rule';
import { appliesToService, dns1035LabelProblem } from './service-shared';

/**
 * A Service's name becomes a DNS label (`<name>.<namespace>.svc`), so the API server requires a DNS-1035
 * label (ValidateServiceName): stricter than most objects, it must start with a letter. generateName is
 * checked the same way, a trailing '-' allowed.
 */
export const serviceName: Rule = {
  id: 'service-name',
  description: 'Service name must be a DNS-1035 label: at most 63 lowercase letters, digits and -, starting with a letter.',
  severity: 'error',
  appliesTo: appliesToService,
  checkObject(obj, ctx) {
    const r = obj.reader;
    const nameNode = r.get(obj.metadata, 'name');
    const name = r.str(nameNode);
    if (nameNode && name !== undefined && name !== '') {
      const problem = dns1035LabelProblem(name);
      if (problem) {
        ctx.report({
          at: nameNode,
          message: `Service name \`${name}\` ${problem}: a Service name must be a DNS-1035 label (lowercase letters, digits and '-', starting with a letter, at most 63 characters).`,
        });
      }
    }
    const genNode = r.get(obj.metadata, 'generateName');
    const gen = r.str(genNode);
    if (!genNode || !gen) return;
    // Validated as a prefix: a trailing '-' is fine (the API server appends random characters to it).
    const masked = gen.endsWith('-') ? gen.slice(0, -1) + 'a' : gen;
    const problem = dns1035LabelProblem(masked);
    if (problem) {
      ctx.report({
        at: genNode,
        message: `Service generateName \`${gen}\` ${problem}: generated Service names must be DNS-1035 labels (lowercase letters, digits and '-', starting with a letter).`,
      });
    }
  },
};
