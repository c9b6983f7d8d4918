/** The `kubeway.*` settings (package.json contributes.configuration), read from the client and checked. */
import type { EngineSettings, RuleSetting } from '../engine/settings';
import { DEFAULT_SETTINGS } from '../engine/settings';
import { GlobSet } from './glob';

export interface ServerSettings {
  engine: EngineSettings;
  include: GlobSet;
  exclude: GlobSet;
  /** Closed files are still read (for references) but get no diagnostics. */
  checkOpenFilesOnly: boolean;
  /** The include globs as written (the client's file watcher watches them). */
  includeGlobs: string[];
  /** Follow symbolic links that lead outside the workspace folders (links inside them are always followed). */
  followSymlinks: boolean;
  /** The raw globs (and the link setting), to tell whether a change needs a re-scan. */
  globsKey: string;
}

export const DEFAULT_INCLUDE = ['**/*.yaml', '**/*.yml'];
export const DEFAULT_EXCLUDE = ['**/node_modules/**', '**/.git/**'];
const LEVELS = new Set<RuleSetting>(['error', 'warning', 'information', 'hint', 'off']);

function strings(value: unknown, fallback: string[]): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : fallback;
}

/** Reads the `kubeway` section; problems (a malformed range, an unknown level) are reported and defaulted. */
export function readSettings(section: unknown, warn: (message: string) => void = () => {}): ServerSettings {
  const s = (section && typeof section === 'object' ? section : {}) as Record<string, unknown>;
  let nodePortRange = DEFAULT_SETTINGS.nodePortRange;
  if (s.nodePortRange !== undefined && s.nodePortRange !== null && s.nodePortRange !== '') {
    const m = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(String(s.nodePortRange));
    if (m && +m[1] <= +m[2] && +m[2] <= 65535 && +m[1] >= 1) nodePortRange = { min: +m[1], max: +m[2] };
    else
      warn(
        `kubeway.nodePortRange must be MIN-MAX, e.g. 30000-32767 (got "${String(s.nodePortRange)}"); using 30000-32767.`,
      );
  }
  const rules: Record<string, RuleSetting> = {};
  if (s.rules && typeof s.rules === 'object') {
    for (const [id, level] of Object.entries(s.rules as Record<string, unknown>)) {
      if (typeof level === 'string' && LEVELS.has(level as RuleSetting)) rules[id] = level as RuleSetting;
      else
        warn(
          `kubeway.rules.${id} must be error, warning, information, hint or off (got ${JSON.stringify(level)}); ignored.`,
        );
    }
  }
  const files = (s.files && typeof s.files === 'object' ? s.files : {}) as Record<string, unknown>;
  const include = strings(files.include ?? s['files.include'], DEFAULT_INCLUDE);
  const exclude = strings(files.exclude ?? s['files.exclude'], DEFAULT_EXCLUDE);
  const followSymlinks = (files.followSymlinks ?? s['files.followSymlinks']) === true;
  return {
    engine: { nodePortRange, rules },
    include: new GlobSet(include),
    exclude: new GlobSet(exclude),
    checkOpenFilesOnly: s.checkOpenFilesOnly === true,
    includeGlobs: include,
    followSymlinks,
    globsKey: JSON.stringify([include, exclude, followSymlinks]),
  };
}
