/** The folder with symbolic links that the CLI's and the server's link tests share (one policy, one fixture). */
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A Service whose type is miscased (one `service-type` error). */
export const badService = (name: string): string =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  type: nodeport\n  ports:\n    - port: 80\n`;

/**
 * A folder with a linked folder inside it (`linked` → `base`), a link back up (`loop` → `.`), and links to
 * a folder and a file outside it (`shared`, `ext.yaml`). Returns the folder and the outside folder.
 */
export function linkedFolder(): { dir: string; outside: string } {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'kubeway-links-')));
  const outside = realpathSync(mkdtempSync(join(tmpdir(), 'kubeway-outside-')));
  mkdirSync(join(dir, 'base'));
  writeFileSync(join(dir, 'base', 'web.yaml'), badService('web'));
  writeFileSync(join(outside, 'svc.yaml'), badService('shared'));
  writeFileSync(join(outside, 'ext.yaml'), badService('ext'));
  symlinkSync(join(dir, 'base'), join(dir, 'linked'));
  symlinkSync(dir, join(dir, 'loop'));
  symlinkSync(outside, join(dir, 'shared'));
  symlinkSync(join(outside, 'ext.yaml'), join(dir, 'ext.yaml'));
  return { dir, outside };
}
