/**
 * Output hygiene (issue 17): YAML escapes put any character into a name (`"\e[2J"`, `"\u202e"`); `check`
 * copied them into the terminal, so a manifest could clear the screen, print "all checks passed" or add a
 * hyperlink. Text output shows them escaped; JSON and SARIF keep the value, as JSON escapes; messages quote
 * long values shortened. Runs dist/cli.js (built by `node esbuild.mjs`).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { escapeControls, escapeJsonControls, shortenQuoted } from '../../../server/src/engine/text';
import { check, repoRoot } from '../../harness';

const CLI = join(repoRoot(), 'dist', 'cli.js');
const kubeway = (args: string[], input: string) => {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  return spawnSync(process.execPath, [CLI, ...args], { input, env, encoding: 'utf8', timeout: 60_000 });
};

// ESC [2J (clear screen), BEL, an OSC 8 hyperlink, RIGHT-TO-LEFT OVERRIDE, a C1 CSI and DEL.
const HOSTILE =
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: "web\\e[2J\\a\\u202eevil\\x9b\\x7f"\nspec:\n  selector: {app: "x\\e]8;;http://evil.example\\a"}\n  ports: [{port: 80}]\n';

const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('output hygiene', () => {
  it('text output shows control and bidi characters escaped, never raw', () => {
    const r = kubeway(['check', '-'], HOSTILE);
    assert.equal(r.status, 1);
    assert.doesNotMatch(r.stdout, RAW);
    assert.match(r.stdout, /Service name `web\\x1b\[2J\\x07\\u202eevil\\x9b\\x7f`/);
    assert.match(r.stdout, /Selector value `x\\x1b\]8;;http:\/\/evil\.example\\x07`/);
  });

  it('JSON and SARIF keep the values, as JSON escapes', () => {
    for (const format of ['json', 'sarif']) {
      const r = kubeway(['check', '--format', format, '-'], HOSTILE);
      assert.doesNotMatch(r.stdout, RAW, format);
      assert.match(r.stdout, /web\\u001b\[2J\\u0007\\u202eevil\\u009b\\u007f/, format);
      const text = JSON.stringify(JSON.parse(r.stdout));
      assert.ok(
        text.includes('web\\u001b[2J\\u0007\u202eevil\u009b\u007f'),
        `${format}: the parsed value is the name itself`,
      );
    }
    const g = kubeway(['graph', '--format', 'json', '-'], HOSTILE);
    assert.doesNotMatch(g.stdout, RAW);
    assert.ok(
      (JSON.parse(g.stdout) as { nodes: { name: string }[] }).nodes.some(
        (n) => n.name === 'web\u001b[2J\u0007\u202eevil\u009b\u007f',
      ),
    );
  });

  it('SVG and HTML show them escaped in text', () => {
    for (const format of ['svg', 'html']) {
      const r = kubeway(['graph', '--format', format, '-'], HOSTILE);
      assert.equal(r.status, 0, r.stderr);
      assert.doesNotMatch(
        r.stdout.replace(/data-[a-z]+="[^"]*"/g, ''),
        RAW,
        `${format}: no raw control character outside data attributes`,
      );
      assert.match(r.stdout, /class="kw-title"[^>]*>web\\x1b\[2J\\x07\\u202eevil\\x9b\\x7f<\/text>/, format);
    }
  });

  it('messages quote long values shortened: a 1 MB value gives a short message', () => {
    const long = 'k'.repeat(1_000_000);
    const found = check(
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  labels: {app: ${long}}\nspec:\n  type: ${long}\n  ports: [{port: 80}]\n`,
    );
    assert.deepEqual(found.map((d) => d.code).sort(), ['object-labels', 'service-type']);
    for (const d of found) {
      assert.ok(d.message.length < 400, `${d.code}: ${d.message.length} characters`);
      assert.match(d.message, new RegExp(`\`${'k'.repeat(79)}…\``));
    }
  });

  it('escapes and shortens exactly what it should', () => {
    assert.equal(
      escapeControls('a\tb\nc\r\u0000\u001b\u007f\u0085\u200f\u202a\u2069 é 中'),
      'a\\tb\\nc\\r\\x00\\x1b\\x7f\\x85\u200f\\u202a\\u2069 é 中',
    );
    assert.equal(escapeJsonControls(JSON.stringify('\u001b\u009b\u202e')), '"\\u001b\\u009b\\u202e"');
    assert.equal(shortenQuoted('short `value`'), 'short `value`');
    // Only values between backticks: a message may itself use a double quote (`missing closing "`).
    const msg = shortenQuoted(`Unknown \`${'a'.repeat(100)}\` in "${'b'.repeat(90)}", not \`${'c'.repeat(80)}\``);
    assert.equal(msg, `Unknown \`${'a'.repeat(79)}…\` in "${'b'.repeat(90)}", not \`${'c'.repeat(80)}\``);
    // Never between the halves of a surrogate pair.
    assert.equal(shortenQuoted(`\`${'a'.repeat(78)}😀${'a'.repeat(10)}\``), `\`${'a'.repeat(78)}…\``);
  });
});
