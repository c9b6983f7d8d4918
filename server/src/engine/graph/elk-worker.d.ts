/** The parts of elkjs's GWT worker script that kubeway uses (see elk.ts). */
declare module 'elkjs/lib/elk-worker.min.js' {
  export class Worker {
    constructor(url?: string);
  }
}
