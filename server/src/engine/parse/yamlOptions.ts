import type { DocumentOptions, ParseOptions, SchemaOptions, Tags } from 'yaml';

/**
 * kubectl decodes manifests with go-yaml v2 (YAML 1.1): `0755` is octal 493, `yes`/`on`/`off` are booleans,
 * `<<` merges. go-yaml v2 does not resolve sexagesimal numbers (`10:30`) or timestamps for
 * untyped values, so those stay strings here too.
 */
function kubectlTags(tags: Tags): Tags {
  return tags.filter((tag) => {
    if (typeof tag !== 'object' || tag === null) return true;
    const t = tag as { format?: string; tag?: string };
    return t.format !== 'TIME' && t.tag !== 'tag:yaml.org,2002:timestamp';
  });
}

export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  customTags: kubectlTags,
  uniqueKeys: true,
  prettyErrors: false,
  keepSourceTokens: false,
};

/** Expanded node count above which a document's aliases are treated as an alias bomb. */
export const MAX_ALIAS_EXPANSION = 100_000;
