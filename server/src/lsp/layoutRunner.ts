/**
 * Runs the diagram's layout off the request path: in a worker thread (layoutWorker.ts) with a memory
 * limit and a deadline. A layout that takes longer, runs out of memory or crashes is stopped (the worker is
 * ended and started afresh for the next diagram) and the caller draws a summary instead; the language
 * server keeps answering meanwhile and never goes down with it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { layoutGraph } from '../engine/graph/layout';
import { renderSvg } from '../engine/graph/render';
import type { TrafficGraph } from '../engine/graph/types';

export interface LayoutJob {
  id: number;
  graph: TrafficGraph;
  /** Folded fans to draw in full. */
  expand: string[];
  /** ELK time allowed before the remaining groups are placed in plain columns. */
  budgetMs: number;
  emptyText: string;
}

export type LayoutAnswer =
  { id: number; svg: string; error?: undefined } | { id: number; error: string; svg?: undefined };

export interface LayoutLimits {
  /** The worker is ended after this long (default 20 s). */
  deadlineMs?: number;
  /** Heap of the worker (default 1024 MB). */
  heapMb?: number;
  /** ELK time per picture (default 5 s), see LayoutOptions.budgetMs. */
  budgetMs?: number;
  /** The worker's script (default: layoutWorker.js beside this module, as esbuild and tsc lay them out). */
  script?: string;
}

/** Why a layout gave no picture: said on the summary drawn instead. */
export class LayoutFailed extends Error {}

export class LayoutRunner {
  private worker: Worker | undefined;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly deadlineMs: number;
  private readonly heapMb: number;
  readonly budgetMs: number;
  /** The worker's script; when it is not there (a test bundled on its own) the layout runs in this thread, in slices. */
  private readonly script: string;

  constructor(limits: LayoutLimits = {}) {
    this.script = limits.script ?? join(__dirname, 'layoutWorker.js');
    this.deadlineMs = limits.deadlineMs ?? 20_000;
    this.heapMb = limits.heapMb ?? 1024;
    this.budgetMs = limits.budgetMs ?? 5000;
  }

  /** True when layouts run in a worker thread. */
  get threaded(): boolean {
    return existsSync(this.script);
  }

  /** The SVG of a graph; rejects with LayoutFailed when the layout ran past its deadline or failed. One layout at a time. */
  render(graph: TrafficGraph, expand: string[], emptyText: string): Promise<string> {
    const run = this.queue.then(() =>
      this.run({ id: this.nextId++, graph, expand, budgetMs: this.budgetMs, emptyText }),
    );
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async run(job: LayoutJob): Promise<string> {
    if (!this.threaded) {
      const layout = await layoutGraph(job.graph, {
        expand: new Set(job.expand),
        expandable: true,
        budgetMs: job.budgetMs,
      });
      return renderSvg(layout, { standalone: false, emptyText: job.emptyText });
    }
    const worker = this.start();
    return new Promise<string>((resolve, reject) => {
      const done = (fn: () => void) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        fn();
      };
      const stop = (why: string) => {
        if (this.worker === worker) this.worker = undefined;
        void worker.terminate();
        done(() => reject(new LayoutFailed(why)));
      };
      const onMessage = (a: LayoutAnswer) => {
        if (a.id !== job.id) return;
        done(() =>
          a.error !== undefined ? reject(new LayoutFailed(`the layout failed: ${a.error}`)) : resolve(a.svg),
        );
      };
      const onError = (e: Error & { code?: string }) =>
        stop(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? `the layout ran out of its ${this.heapMb} MB of memory`
            : `the layout failed: ${e.message}`,
        );
      const onExit = () => stop('the layout stopped');
      const timer = setTimeout(
        () =>
          stop(
            `the layout took longer than ${this.deadlineMs >= 1000 ? `${Math.round(this.deadlineMs / 1000)} s` : `${this.deadlineMs} ms`}`,
          ),
        this.deadlineMs,
      );
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(job);
    });
  }

  private start(): Worker {
    if (!this.worker) {
      this.worker = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
      // An idle layout thread must not keep the server (or a test) alive.
      this.worker.unref();
    }
    return this.worker;
  }

  /** Ends the worker (the server is shutting down). */
  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
