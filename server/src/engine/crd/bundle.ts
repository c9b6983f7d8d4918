/**
 * The CRDs kubeway bundles (bundled/<set>/, compiled by scripts/build-crds.mjs): objects of their kinds are
 * validated, completed and documented with no CRD in the checked files.
 */
import { BUNDLED_CRDS_JSON } from './generated/bundled-crds';
import { definitionFromSpec } from './definition';
import type { CrdDefinition } from './definition';

interface RawBundle {
  v: number;
  d: string[];
  sets: { name: string; crds: unknown[] }[];
}

let decoded: Map<string, CrdDefinition> | undefined;

function bundle(): Map<string, CrdDefinition> {
  if (!decoded) {
    const raw = JSON.parse(BUNDLED_CRDS_JSON) as RawBundle;
    decoded = new Map();
    for (const set of raw.sets) {
      for (const spec of set.crds) {
        const d = definitionFromSpec(spec, set.name, raw.d);
        if (d) decoded.set(`${d.group}/${d.kind}`, d);
      }
    }
  }
  return decoded;
}

export function bundledDefinition(group: string, kind: string): CrdDefinition | undefined {
  return bundle().get(`${group}/${kind}`);
}

export function bundledDefinitions(): CrdDefinition[] {
  return [...bundle().values()];
}
