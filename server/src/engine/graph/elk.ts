/**
 * elkjs without its worker round trip: the package's `FakeWorker` (what `elk.bundled.js` uses in Node)
 * holds a dispatcher that lays a graph out synchronously. Calling it directly lets the CLI stay synchronous
 * and lets `layoutGraph` decide itself when to yield to the event loop.
 */
import type { ElkNode } from 'elkjs/lib/elk-api';

interface Dispatcher {
  saveDispatch(msg: { data: Record<string, unknown> }): void;
}

interface Answer {
  data?: unknown;
  error?: unknown;
}

interface SyncWorker {
  dispatcher: Dispatcher;
  onmessage: (m: { data: Answer }) => void;
}

let worker: SyncWorker | undefined;
let answer: Answer | undefined;

function elk(): SyncWorker {
  if (!worker) {
    // Loaded on first use: 1.6 MB of script that a language server need not parse until a diagram is asked for.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const elkWorker = require('elkjs/lib/elk-worker.min.js') as typeof import('elkjs/lib/elk-worker.min.js');
    const w = new elkWorker.Worker() as unknown as SyncWorker;
    w.onmessage = (m) => {
      answer = m.data;
    };
    w.dispatcher.saveDispatch({ data: { cmd: 'register', algorithms: ['layered'], id: 0 } });
    worker = w;
  }
  return worker;
}

function send(data: Record<string, unknown>): unknown {
  const w = elk();
  answer = undefined;
  w.dispatcher.saveDispatch({ data: { ...data, id: 1 } });
  const a = answer as Answer | undefined;
  if (!a) throw new Error('elkjs gave no answer');
  if (a.error)
    throw a.error instanceof Error ? a.error : new Error(String((a.error as { message?: string }).message ?? a.error));
  return a.data;
}

/** Lays out an ELK graph in place (positions are written into it) and returns it. */
export function elkLayoutSync(graph: ElkNode): ElkNode {
  return send({ cmd: 'layout', graph, layoutOptions: {}, options: {} }) as ElkNode;
}
