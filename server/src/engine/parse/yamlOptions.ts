import type { DocumentOptions, ParseOptions, ScalarTag, SchemaOptions, Tags } from 'yaml';

/**
 * kubectl decodes manifests with go-yaml v2 (YAML 1.1): `0755` is octal 493, `yes`/`on`/`off` are booleans,
 * `<<` merges. go-yaml v2 does not resolve sexagesimal numbers (`10:30`) or timestamps for
 * untyped values, so those stay strings here too.
 */
function kubectlTags(tags: Tags): Tags {
  const kept = tags.filter((tag) => {
    if (typeof tag !== 'object' || tag === null) return true;
    const t = tag as { format?: string; tag?: string };
    if (t.tag === FLOAT && !(tag as ScalarTag).test?.test('.inf')) return false; // replaced by goFloat
    return t.format !== 'TIME' && t.tag !== 'tag:yaml.org,2002:timestamp';
  });
  return [...kept, goOctal, goFloat];
}

const FLOAT = 'tag:yaml.org,2002:float';

/**
 * go-yaml v2's float syntax (after dropping `_`): digits are required, so `.`, `-.`, `e3` and `.e3` stay
 * strings, where the yaml library's YAML 1.1 schema would read them as NaN.
 */
const goFloat: ScalarTag = {
  tag: FLOAT,
  default: true,
  test: /^[-+]?(?:\.[0-9][0-9_]*|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9][0-9_]*)?$/,
  resolve: (str: string) => parseFloat(str.replace(/_/g, '')),
};

/** go-yaml parses integers with Go's strconv.ParseInt(s, 0, 64), which also reads `0o755` as octal. */
const goOctal: ScalarTag = {
  tag: 'tag:yaml.org,2002:int',
  format: 'OCT',
  default: true,
  test: /^[-+]?0o[0-7][0-7_]*$/,
  resolve(str: string) {
    const digits = str.replace(/_/g, '');
    const sign = digits.startsWith('-') ? -1 : 1;
    return sign * parseInt(digits.replace(/^[-+]?0o/, ''), 8);
  },
};

export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  customTags: kubectlTags,
  // Duplicate keys are found by ManifestFile in one linear pass: yaml's own check compares every key with
  // every earlier key of its map, which takes minutes on a map of 100 000 keys.
  uniqueKeys: false,
  prettyErrors: false,
  keepSourceTokens: false,
};

/** Nodes that aliases may add to a document (beyond its own) before it is treated as an alias bomb. */
export const MAX_ALIAS_EXPANSION = 100_000;

/**
 * Nesting depth (maps and sequences, aliases followed) beyond which a document is not read: no manifest
 * comes near it, and rules walk documents recursively.
 */
export const MAX_NESTING_DEPTH = 500;
