/**
 * Keeps the engine's Workspace in step with the editor and the disk, and re-checks what a change may affect:
 * the changed file first, then the files that refer to what changed (engine/editor/affected.ts). Checks run in
 * short slices between which requests are answered; results are published per file with the version of the
 * text they were computed from, and never for a version the editor has already replaced.
 */
import { checkFile } from '../engine/check';
import { affectedFiles, changedObjects } from '../engine/editor/affected';
import type { K8sObject } from '../engine/model/object';
import { Workspace } from '../engine/model/workspace';
import type { Rule } from '../engine/rules/rule';
import type { Diagnostic } from '../engine/types';
import type { ServerSettings } from './settings';

export interface ValidationHost {
  /** Sends a file's diagnostics (version: the open document's version the results belong to). */
  publish(name: string, version: number | undefined, diagnostics: Diagnostic[]): void;
  /** The version of the open document with this name, or undefined when it is not open. */
  openVersion(name: string): number | undefined;
  settings(): ServerSettings;
  log(message: string): void;
  /** The chart folder of a file (see FileNames.chartRootOf), for the engine to skip a chart's templates/. */
  chartRoot?(name: string): string | undefined;
  /** Called when the queue of files to check has drained after a change. */
  onSettled?(): void;
}

export interface CheckResult {
  /** The open document's version the results were computed from (undefined for files read from disk). */
  version: number | undefined;
  diagnostics: Diagnostic[];
}

/** Time a slice of checks may take before requests get their turn. */
const SLICE_MS = 12;

/**
 * Quiet time after the last change before the files that depend on the changes are worked out and queued: a
 * burst of changes (opening many files at once, start-up) costs one pass over the dependents, and each
 * dependent file one re-check, instead of a re-check of every dependent after every change.
 */
const DEPENDENTS_DELAY_MS = 40;

const KUSTOMIZATION = /(^|[\\/])kustomization\.ya?ml$/i;

export class Validation {
  readonly workspace = new Workspace();
  /** Version of the text that the Workspace holds for each file (undefined: read from disk). */
  private readonly textVersion = new Map<string, number | undefined>();
  private readonly results = new Map<string, CheckResult>();
  private readonly dirtyOpen = new Set<string>();
  private readonly dirtyOther = new Set<string>();
  /** Files whose last publish was not empty (so an empty one must follow when they get clean or go). */
  private readonly shown = new Set<string>();
  private readonly failedRules = new Set<string>();
  private scheduled = false;
  private changedSinceSettled = false;
  /** Changes whose dependents are not queued yet (see DEPENDENTS_DELAY_MS). */
  private pendingChanges: { name: string; changed: readonly K8sObject[]; moved: readonly K8sObject[] }[] = [];
  private dependentsTimer: NodeJS.Timeout | undefined;
  private lastChangeAt = 0;
  /** While the workspace folders are being read, closed files are not checked (they all will be at the end). */
  indexing = false;
  /** When the last piece of work (a text put in, a slice of checks) ended (Date.now()): edits that arrive
   * right after it were probably sent while it ran, and are gathered instead of taken one by one. */
  busyUntil = 0;

  constructor(
    private readonly host: ValidationHost,
    private readonly rules?: readonly Rule[],
  ) {}

  has(name: string): boolean {
    return this.workspace.file(name) !== undefined;
  }

  /** The version of the text the Workspace holds for a file (undefined for disk text or unknown files). */
  versionOf(name: string): number | undefined {
    return this.textVersion.get(name);
  }

  /** The last check results of a file. */
  result(name: string): CheckResult | undefined {
    return this.results.get(name);
  }

  /**
   * Puts a file's text into the Workspace (version: the open document's, undefined for disk text) and queues
   * the checks it may affect. `bulk` (start-up indexing) skips the dependents: everything is checked after.
   */
  setText(name: string, text: string, version: number | undefined, bulk = false): void {
    try {
      this.putText(name, text, version, bulk);
    } finally {
      this.busyUntil = Date.now();
    }
  }

  private putText(name: string, text: string, version: number | undefined, bulk: boolean): void {
    const old = this.workspace.file(name);
    if (old && old.file.text === text) {
      this.textVersion.set(name, version);
      this.markDirty(name);
      return;
    }
    const model = this.workspace.setText(name, text, { chartRoot: this.host.chartRoot?.(name) });
    this.textVersion.set(name, version);
    this.clearRuleFailures(name);
    if (bulk) {
      this.markDirty(name);
      return;
    }
    const { changed, moved } = changedObjects(old?.objects ?? [], model.objects);
    this.markDirty(name);
    this.queueDependents(name, changed, moved);
  }

  /** Takes a file out of the Workspace, clears its diagnostics and re-checks what referred to it. */
  remove(name: string): void {
    const old = this.workspace.file(name);
    this.textVersion.delete(name);
    this.results.delete(name);
    this.dirtyOpen.delete(name);
    this.dirtyOther.delete(name);
    if (this.shown.delete(name)) this.host.publish(name, undefined, []);
    if (!old) return;
    this.workspace.remove(name);
    this.clearRuleFailures(name);
    this.queueDependents(name, old.objects, []);
  }

  private queueDependents(name: string, changed: readonly K8sObject[], moved: readonly K8sObject[]): void {
    this.pendingChanges.push({ name, changed, moved });
    this.changedSinceSettled = true;
    const now = Date.now();
    const burst = now - this.lastChangeAt < DEPENDENTS_DELAY_MS;
    this.lastChangeAt = now;
    if (this.dependentsTimer) clearTimeout(this.dependentsTimer);
    this.dependentsTimer = undefined;
    // A change on its own: its dependents now. In a burst: once it is over.
    if (burst) this.dependentsTimer = setTimeout(() => this.queueDependentFiles(), DEPENDENTS_DELAY_MS);
    else this.queueDependentFiles();
  }

  /** Queues the files that the changes since the last call may affect. */
  private queueDependentFiles(): void {
    this.dependentsTimer = undefined;
    const pending = this.pendingChanges;
    this.pendingChanges = [];
    // One pass for all the changes (a file's own name is in its answer; a removed file is simply not there).
    const changed = pending.flatMap((p) => p.changed);
    const moved = pending.flatMap((p) => p.moved);
    const files = new Set(pending.map((p) => p.name));
    for (const f of affectedFiles(this.workspace, pending[0].name, changed, moved)) files.add(f);
    // A kustomization affects every file (affectedFiles knows it by the changed file's name).
    for (const p of pending.slice(1))
      if (KUSTOMIZATION.test(p.name)) for (const f of affectedFiles(this.workspace, p.name, [], [])) files.add(f);
    for (const f of files) this.markDirty(f);
    if (!this.busy) this.schedule(); // nothing to check: settle
  }

  /** Re-checks every file (settings changed, indexing finished). */
  markAll(): void {
    for (const name of this.workspace.paths) this.markDirty(name);
  }

  markDirty(name: string): void {
    if (!this.workspace.file(name)) return;
    if (this.host.openVersion(name) !== undefined) this.dirtyOpen.add(name);
    else this.dirtyOther.add(name);
    this.changedSinceSettled = true;
    this.schedule();
  }

  /** Whether checks are waiting (for tests and the graph: results are final when this is false). */
  get busy(): boolean {
    return this.dirtyOpen.size > 0 || (!this.indexing && this.dirtyOther.size > 0) || this.pendingChanges.length > 0;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // Two turns of the event loop: the messages already received (the connection handles one per turn) go
    // first, so that a check never starts on a text that an edit waiting in the queue already replaced.
    setImmediate(() => setImmediate(() => this.runSlice()));
  }

  private next(): string | undefined {
    for (const name of this.dirtyOpen) {
      this.dirtyOpen.delete(name);
      return name;
    }
    if (this.indexing) return undefined;
    for (const name of this.dirtyOther) {
      this.dirtyOther.delete(name);
      return name;
    }
    return undefined;
  }

  private runSlice(): void {
    this.scheduled = false;
    const deadline = Date.now() + SLICE_MS;
    do {
      const name = this.next();
      if (name === undefined) break;
      try {
        this.checkOne(name);
      } catch (error) {
        this.host.log(`kubeway: checking ${name} failed: ${errorText(error)}`);
      }
    } while (Date.now() < deadline);
    this.busyUntil = Date.now();
    if (this.dirtyOpen.size > 0 || (!this.indexing && this.dirtyOther.size > 0)) this.schedule();
    else if (this.pendingChanges.length > 0)
      return; // the dependents' timer comes back here
    else if (this.changedSinceSettled) {
      this.changedSinceSettled = false;
      try {
        this.host.onSettled?.();
      } catch (error) {
        this.host.log(`kubeway: ${errorText(error)}`);
      }
    }
  }

  private checkOne(name: string): void {
    if (!this.workspace.file(name)) return;
    const openVersion = this.host.openVersion(name);
    const version = this.textVersion.get(name);
    // The editor has a newer text on its way into the Workspace: its own update will check it.
    if (openVersion !== undefined && version !== openVersion) return;
    const settings = this.host.settings();
    if (openVersion === undefined && settings.checkOpenFilesOnly) {
      this.results.delete(name);
      if (this.shown.delete(name)) this.host.publish(name, undefined, []);
      return;
    }
    const diagnostics = checkFile(this.workspace, name, {
      settings: settings.engine,
      rules: this.rules,
      onRuleError: (rule, file, error) => {
        const id = `${rule.id}\u0000${file}`;
        if (this.failedRules.has(id)) return;
        this.failedRules.add(id);
        this.host.log(
          `kubeway: rule ${rule.id} failed on ${file}; its findings for this file are dropped: ${errorText(error)}`,
        );
      },
    });
    this.results.set(name, { version: openVersion !== undefined ? version : undefined, diagnostics });
    if (diagnostics.length === 0 && openVersion === undefined && !this.shown.has(name)) return;
    if (diagnostics.length) this.shown.add(name);
    else this.shown.delete(name);
    this.host.publish(name, openVersion !== undefined ? version : undefined, diagnostics);
  }

  private clearRuleFailures(name: string): void {
    if (this.failedRules.size === 0) return;
    for (const id of this.failedRules) if (id.endsWith(`\u0000${name}`)) this.failedRules.delete(id);
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
