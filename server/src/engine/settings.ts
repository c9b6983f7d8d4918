import type { Severity } from './types';

export type RuleSetting = Severity | 'off';

export interface EngineSettings {
  /** The cluster's service node-port range (kube-apiserver --service-node-port-range). */
  nodePortRange: { min: number; max: number };
  /** Per-rule severity, or `off`. */
  rules: Record<string, RuleSetting>;
}

export const DEFAULT_SETTINGS: EngineSettings = {
  nodePortRange: { min: 30000, max: 32767 },
  rules: {},
};

export function withDefaults(partial?: Partial<EngineSettings>): EngineSettings {
  return {
    nodePortRange: partial?.nodePortRange ?? DEFAULT_SETTINGS.nodePortRange,
    rules: { ...DEFAULT_SETTINGS.rules, ...(partial?.rules ?? {}) },
  };
}
