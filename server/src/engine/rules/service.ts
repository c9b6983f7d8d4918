import type { Rule } from './rule';
import { serviceType } from './service-type';

/** Rules on core/v1 Services and on how they reach pods. */
export const SERVICE_RULES: readonly Rule[] = [serviceType];
