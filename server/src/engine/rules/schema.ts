import type { Rule } from './rule';

/** The schema walk's rules (unknown fields, types, required fields, enums): fallbacks behind the dedicated rules. */
export const SCHEMA_RULES: readonly Rule[] = [];
