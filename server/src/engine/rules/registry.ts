import { apiVersionRemoved } from './api-version-removed';
import { CRD_RULES } from './crd';
import { INGRESS_RULES } from './ingress';
import type { Rule } from './rule';
import { SCHEMA_RULES } from './schema';
import { SERVICE_RULES } from './service';
import { WORKLOAD_RULES } from './workload';
import { yamlAliasLimit } from './yaml-alias-limit';
import { yamlDuplicateKey } from './yaml-duplicate-key';
import { yamlSyntax } from './yaml-syntax';
import { yamlTabIndent } from './yaml-tab-indent';

/**
 * Every rule kubeway runs, in the order the README lists them. Adding a rule: one file, one line in the
 * list of its group (service.ts, ingress.ts, workload.ts, schema.ts, crd.ts).
 */
export const ALL_RULES: readonly Rule[] = [
  yamlSyntax,
  yamlTabIndent,
  yamlDuplicateKey,
  yamlAliasLimit,
  apiVersionRemoved,
  ...SERVICE_RULES,
  ...INGRESS_RULES,
  ...WORKLOAD_RULES,
  ...SCHEMA_RULES,
  ...CRD_RULES,
];

export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
