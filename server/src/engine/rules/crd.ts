import { crdCel } from './crd-cel';
import { crdSchemaEnum } from './crd-schema-enum';
import { crdSchemaList } from './crd-schema-list';
import { crdSchemaRequired } from './crd-schema-required';
import { crdSchemaType } from './crd-schema-type';
import { crdSchemaUnknownField } from './crd-schema-unknown-field';
import { crdSchemaValue } from './crd-schema-value';
import { crdVersion } from './crd-version';
import type { Rule } from './rule';

/** Custom resources, validated against their CustomResourceDefinition (from the files, or bundled). */
export const CRD_RULES: readonly Rule[] = [
  crdVersion,
  crdSchemaUnknownField,
  crdSchemaType,
  crdSchemaRequired,
  crdSchemaEnum,
  crdSchemaValue,
  crdSchemaList,
  crdCel,
];
