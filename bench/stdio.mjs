// A bare LSP client over a server's stdio for the benchmark scripts (own framing, so that what is timed is
// the server, not a client library): requests with their latency, notifications to listeners, and answers
// to the server's own requests (configuration, progress tokens, registrations) as an editor gives them.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export function startServer(command, { cwd, configuration = () => null } = {}) {
  const proc = spawn('/bin/sh', ['-c', `exec ${command}`], { cwd, stdio: ['pipe', 'pipe', 'ignore'] });
  let buf = Buffer.alloc(0);
  let nextId = 1;
  const pending = new Map();
  const listeners = [];
  const encode = (msg) => {
    const s = JSON.stringify({ jsonrpc: '2.0', ...msg });
    return `Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`;
  };
  const send = (msg) => proc.stdin.write(encode(msg));
  proc.stdout.on('data', (chunk) => {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      const head = buf.indexOf('\r\n\r\n');
      if (head < 0) return;
      const len = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, head).toString())[1]);
      if (buf.length < head + 4 + len) return;
      const msg = JSON.parse(buf.subarray(head + 4, head + 4 + len).toString());
      buf = buf.subarray(head + 4 + len);
      const t = performance.now();
      if (msg.id !== undefined && msg.method === undefined) {
        const p = pending.get(msg.id);
        pending.delete(msg.id);
        p?.res({ result: msg.result, error: msg.error, ms: t - p.t, at: t });
      } else if (msg.id !== undefined) {
        const result =
          msg.method === 'workspace/configuration'
            ? (msg.params.items ?? []).map((item) => configuration(item.section))
            : null;
        send({ id: msg.id, result });
      } else for (const l of listeners) l(msg, t);
    }
  });
  const request = (method, params) =>
    new Promise((res) => {
      const id = nextId++;
      pending.set(id, { res, t: performance.now() });
      send({ id, method, params });
    });
  return {
    proc,
    send,
    /** Several messages in one write: they reach the server at once, as a burst of keystrokes does. */
    sendAll: (msgs) => proc.stdin.write(msgs.map(encode).join('')),
    request,
    onNotification: (l) => listeners.push(l),
    peakRssMB: () => {
      try {
        const m = /^VmHWM:\s+(\d+)/m.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'));
        return m ? Math.round(Number(m[1]) / 1024) : null;
      } catch {
        return null;
      }
    },
    /** User + system CPU seconds of the server so far (Linux /proc). */
    cpuSeconds: () => {
      try {
        const f = readFileSync(`/proc/${proc.pid}/stat`, 'utf8').split(') ')[1].split(' ');
        return (Number(f[11]) + Number(f[12])) / 100;
      } catch {
        return null;
      }
    },
    async stop() {
      await Promise.race([request('shutdown', null), new Promise((r) => setTimeout(r, 5000))]);
      send({ method: 'exit' });
      await Promise.race([new Promise((r) => proc.on('exit', r)), new Promise((r) => setTimeout(r, 5000))]);
      if (proc.exitCode === null) proc.kill();
    },
  };
}

export const median = (xs) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : null);
