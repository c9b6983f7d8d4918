import type { Rule } from './rule';

/** Rules on networking.k8s.io/v1 Ingresses and the Services they route to. */
export const INGRESS_RULES: readonly Rule[] = [];
