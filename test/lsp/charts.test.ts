/**
 * A Helm chart's templates/ folder is skipped in the editor as `kubeway check` skips it: the server looks for
 * the nearest Chart.yaml above a file (within the workspace folder), as the CLI does.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LspClient } from './lspClient';

/** Templating only inside quoted strings: a valid YAML shape, but `port: "…"` is a type error if checked. */
const SVC =
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: "{{ .Release.Name }}"\nspec:\n  ports:\n    - port: "{{ .Values.port }}"\n';

describe('Helm chart templates over LSP', () => {
  let c: LspClient;
  before(async () => {
    c = await LspClient.start({
      files: {
        'chart/Chart.yaml': 'apiVersion: v2\nname: shop\nversion: 0.1.0\n',
        'chart/templates/svc.yaml': SVC,
        'plain/templates/svc.yaml': SVC,
      },
    });
    await c.indexed();
  });
  after(async () => {
    await c.stop();
  });
  const status = (rel: string) =>
    c.conn.sendRequest('kubeway/fileStatus', { uri: c.uri(rel) }) as Promise<{ kind: string; message: string }>;

  it("skips a file in the templates/ folder of a chart: no diagnostics, fileStatus says template with the chart's name", async () => {
    const tpl = await status('chart/templates/svc.yaml');
    assert.equal(tpl.kind, 'template');
    assert.match(tpl.message, /the Helm chart chart\/Chart\.yaml/);
    const uri = c.uri('chart/templates/svc.yaml');
    await c.open(uri, SVC);
    await c.waitDiagnostics(c.uri('plain/templates/svc.yaml'), (p) => p.diagnostics.length > 0);
    assert.deepEqual(
      c.publishes.filter((p) => p.uri === uri).flatMap((p) => p.diagnostics),
      [],
    );
    await c.close(uri);
  });

  it('checks the same file outside any chart', async () => {
    assert.equal((await status('plain/templates/svc.yaml')).kind, 'manifest');
    const p = await c.waitDiagnostics(c.uri('plain/templates/svc.yaml'), (x) => x.diagnostics.length > 0);
    assert.ok(
      p.diagnostics.some((d) => d.range.start.line === 6),
      JSON.stringify(p.diagnostics),
    );
  });
});
