/**
 * The diagram's layout thread (dist/layoutWorker.js): lays out and renders a traffic graph sent by the
 * language server (layoutRunner.ts). ELK runs synchronously; here it holds only this thread, and a layout
 * that runs too long or out of memory ends this thread, not the server.
 */
import { parentPort } from 'node:worker_threads';
import { layoutGraphSync } from '../engine/graph/layout';
import { renderSvg } from '../engine/graph/render';
import type { LayoutJob, LayoutAnswer } from './layoutRunner';

parentPort?.on('message', (job: LayoutJob) => {
  let answer: LayoutAnswer;
  try {
    const layout = layoutGraphSync(job.graph, {
      expand: new Set(job.expand),
      expandable: true,
      budgetMs: job.budgetMs,
    });
    answer = { id: job.id, svg: renderSvg(layout, { standalone: false, emptyText: job.emptyText }) };
  } catch (e) {
    answer = { id: job.id, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(answer);
});
