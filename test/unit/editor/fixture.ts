/** Inline editor fixtures in the manner of rust-analyzer: `$0` marks the cursor in a YAML text. */
import { Workspace } from '../../../server/src/engine';
import type { Position } from '../../../server/src/engine';
import { textLines } from '../../../server/src/engine/editor/lines';
import type { TextLines } from '../../../server/src/engine/editor/lines';

export function cursor(text: string): { text: string; position: Position } {
  const at = text.indexOf('$0');
  if (at === -1) throw new Error('fixture has no $0 cursor marker');
  const clean = text.slice(0, at) + text.slice(at + 2);
  const before = clean.slice(0, at).split('\n');
  return { text: clean, position: { line: before.length - 1, character: before[before.length - 1].length } };
}

/**
 * A workspace of files (name → text); exactly one has a `$0` marker: the cursor. The model is built from
 * the text as typed, as the language server does after its short pause.
 */
export function workspaceAt(files: Record<string, string> | string): {
  ws: Workspace;
  path: string;
  lines: TextLines;
  position: Position;
  text: string;
} {
  const set = typeof files === 'string' ? { 'test.yaml': files } : files;
  const ws = new Workspace();
  let found: { path: string; text: string; position: Position } | undefined;
  for (const [path, raw] of Object.entries(set)) {
    if (raw.includes('$0')) {
      const { text, position } = cursor(raw);
      found = { path, text, position };
      ws.setText(path, text);
    } else ws.setText(path, raw);
  }
  if (!found) throw new Error('no file has a $0 cursor marker');
  return { ws, path: found.path, lines: textLines(found.text), position: found.position, text: found.text };
}

/** The `web` Deployment in namespace `shop` (container `app`, port `http` 8080) that editor tests route to. */
export const SHOP_WEB_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: app
          image: nginx
          ports:
            - name: http
              containerPort: 8080
`;
