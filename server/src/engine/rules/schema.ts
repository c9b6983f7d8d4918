import type { Rule } from './rule';
import { schemaEnum } from './schema-enum';
import { schemaKind } from './schema-kind';
import { schemaRequired } from './schema-required';
import { schemaType } from './schema-type';
import { schemaUnknownField } from './schema-unknown-field';

/** The schema walk's rules (unknown fields, types, required fields, enums): fallbacks behind the dedicated rules. */
export const SCHEMA_RULES: readonly Rule[] = [schemaKind, schemaUnknownField, schemaType, schemaRequired, schemaEnum];
