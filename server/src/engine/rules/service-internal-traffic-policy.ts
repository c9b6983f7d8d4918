import type { Rule } from './rule';
import { shown } from './utils/messages';
import { replaceFix } from './utils/edits';
import { appliesToService, specField } from './utils/service';

const POLICIES = ['Cluster', 'Local'];

/** internalTrafficPolicy, when set, is Cluster or Local (validateServiceInternalTrafficFieldsValue). */
export const serviceInternalTrafficPolicy: Rule = {
  id: 'service-internal-traffic-policy',
  description: 'internalTrafficPolicy must be Cluster or Local.',
  severity: 'error',
  appliesTo: appliesToService,
  checkObject(obj, ctx) {
    const node = specField(obj, 'internalTrafficPolicy');
    const value = obj.reader.str(node);
    if (!node || value === undefined || POLICIES.includes(value)) return;
    const right = POLICIES.find((p) => p.toLowerCase() === value.toLowerCase());
    ctx.report({
      at: node,
      message: right ? `internalTrafficPolicy \`${value}\` must be written \`${right}\`.` : `Unsupported internalTrafficPolicy ${shown(value)}: use Cluster or Local (or leave it out).`,
      fix: right ? replaceFix(obj, node, right) : undefined,
    });
  },
};
