/**
 * The command line as a user runs it: `node dist/cli.js` in a child process (npm test builds dist/ first;
 * after `node scripts/quick-test.mjs`, run `npm run build` before this file).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { Validator } from '@cfworker/json-schema';
import { ALL_RULES } from '../../../server/src/engine/rules/registry';
import { repoRoot } from '../../harness';

const root = repoRoot();
const CLI = join(root, 'dist', 'cli.js');
const FIXTURES = 'test/fixtures/cli';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function kubeway(args: string[], options: { input?: string; env?: Record<string, string>; cwd?: string } = {}): Run {
  // The colour of the output is decided by these, so the caller's own settings must not leak in.
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  Object.assign(env, options.env);
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? root,
    input: options.input ?? '',
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonOutput {
  version: number;
  diagnostics: {
    file: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    severity: string;
    code: string;
    message: string;
    source: string;
  }[];
}

before(() => {
  assert.ok(existsSync(CLI), `${CLI} is missing: run \`npm run build\` first`);
});

describe('kubeway check: exit codes', () => {
  it('0 and "No problems found." for clean files (non-Kubernetes YAML and Helm templates are skipped)', () => {
    const r = kubeway(['check', `${FIXTURES}/clean`]);
    const skipped = `1 file skipped as template: ${FIXTURES}/clean/chart-template.yaml (an unrendered Helm/Go template: \`{{ … }}\` stands where YAML structure is, on line 5)`;
    assert.equal(r.stdout, `No problems found.\n${skipped}\n`);
    assert.equal(r.stderr, `kubeway: ${skipped}\n`);
    assert.equal(r.status, 0);
  });

  it('1 when there are errors', () => {
    assert.equal(kubeway(['check', `${FIXTURES}/errors`]).status, 1);
    assert.equal(kubeway(['check', `${FIXTURES}/errors/duplicate.yaml`, '--format', 'json']).status, 1);
    assert.equal(kubeway(['check', `${FIXTURES}/errors/removed.yaml`, '--format=sarif']).status, 1);
  });

  it('0 when there are only warnings', () => {
    const r = kubeway(['check', `${FIXTURES}/warnings`, '--format', 'json']);
    const out = JSON.parse(r.stdout) as JsonOutput;
    assert.ok(out.diagnostics.length > 0);
    assert.deepEqual([...new Set(out.diagnostics.map((d) => d.severity))], ['warning']);
    assert.equal(r.status, 0);
  });

  it('2 for usage errors, with a clear message and the usage', () => {
    const cases: [string[], string][] = [
      [['check'], 'kubeway: check needs at least one file or folder'],
      [['check', FIXTURES, '--format', 'xml'], 'kubeway: unknown --format "xml" (text, json or sarif)'],
      [['check', FIXTURES, '--frmat', 'json'], 'kubeway: unknown option --frmat for check'],
      [
        ['check', '-x', FIXTURES],
        'kubeway: unknown option -x for check (a file whose name starts with "-" goes after --)',
      ],
      [
        ['check', FIXTURES, '--node-port-range', '40000-30000'],
        'kubeway: --node-port-range takes MIN-MAX within 1-65535, e.g. 30000-32767 (got "40000-30000")',
      ],
      [['lint', FIXTURES], 'kubeway: unknown command "lint"'],
      [['--bogus'], 'kubeway: unknown option --bogus'],
      [[], 'kubeway '],
    ];
    for (const [args, message] of cases) {
      const r = kubeway(args);
      assert.equal(r.status, 2, args.join(' '));
      assert.ok(r.stderr.startsWith(message), `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /Usage:\n {2}kubeway check/);
      assert.equal(r.stdout, '');
    }
  });

  it('2 for missing and unreadable paths, naming the path, and nothing on stdout', () => {
    let r = kubeway(['check', `${FIXTURES}/clean`, 'no/such/dir']);
    assert.deepEqual([r.status, r.stdout, r.stderr], [2, '', 'kubeway: no such file or folder: no/such/dir\n']);
    const dir = mkdtempSync(join(tmpdir(), 'kubeway-cli-'));
    try {
      symlinkSync(join(dir, 'gone.yaml'), join(dir, 'dangling.yaml'));
      r = kubeway(['check', join(dir, 'dangling.yaml')]);
      assert.deepEqual([r.status, r.stderr], [2, `kubeway: no such file or folder: ${join(dir, 'dangling.yaml')}\n`]);
      // Found while scanning a folder, a dangling link is skipped rather than failing the run.
      writeFileSync(join(dir, 'ok.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n');
      r = kubeway(['check', dir]);
      assert.deepEqual([r.status, r.stdout], [0, 'No problems found.\n']);
      // A file named explicitly must be readable text: a folder named like a file is scanned, not read.
      r = kubeway(['check', '/proc/self/mem']);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /^kubeway: cannot read \/proc\/self\/mem: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('2 after reporting every readable file when one cannot be read, naming it on stderr', () => {
    // Before: exit 2 with nothing on stdout, the findings of every other file lost.
    const dir = mkdtempSync(join(tmpdir(), 'kubeway-cli-'));
    try {
      writeFileSync(
        join(dir, 'a.yaml'),
        'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {type: Nodeport, ports: [{port: 80}]}\n',
      );
      // Read as root, a file without permissions is still readable; /proc/self/mem is not (EIO). The link leads
      // outside the folder, so it is followed only with --follow-symlinks.
      symlinkSync('/proc/self/mem', join(dir, 'b.yaml'));
      writeFileSync(join(dir, 'c.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n');
      const r = kubeway(['check', '--follow-symlinks', '--format', 'json', dir]);
      assert.equal(r.status, 2);
      const found = (JSON.parse(r.stdout) as { diagnostics: { file: string }[] }).diagnostics;
      assert.deepEqual([...new Set(found.map((d) => d.file.replace(/\\/g, '/').split('/').pop()))], ['a.yaml']);
      const lines = r.stderr.trimEnd().split('\n');
      assert.equal(lines.length, 2, r.stderr);
      assert.match(lines[0], /^kubeway: cannot read .*b\.yaml: /);
      assert.equal(lines[1], 'kubeway: 1 file or folder could not be read; the report covers the others');
      const g = kubeway(['graph', '--follow-symlinks', dir]);
      assert.equal(g.status, 2);
      assert.deepEqual(
        (JSON.parse(g.stdout) as { nodes: { name: string }[] }).nodes.map((n) => n.name),
        ['web'],
      );
      assert.match(g.stderr, /^kubeway: cannot read .*b\.yaml: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a folder without YAML files: says so on stderr, exit 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubeway-cli-'));
    try {
      writeFileSync(join(dir, 'README.md'), '# nothing');
      const r = kubeway(['check', dir]);
      assert.deepEqual(
        [r.status, r.stdout, r.stderr],
        [0, 'No problems found.\n', `kubeway: no *.yaml or *.yml files in ${dir}\n`],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--help and --version exit 0 on stdout', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    for (const args of [['--help'], ['-h'], ['help'], ['check', '--help']]) {
      const r = kubeway(args);
      assert.equal(r.status, 0, args.join(' '));
      assert.match(r.stdout, /^kubeway \d+\.\d+\.\d+: Kubernetes manifests checked offline\n\nUsage:\n/);
      assert.equal(r.stderr, '');
    }
    const v = kubeway(['--version']);
    assert.deepEqual([v.status, v.stdout, v.stderr], [0, `${pkg.version}\n`, '']);
  });
});

describe('kubeway check: output formats', () => {
  it('--format json: exactly the documented shape, 0-based LSP positions (UTF-16, BOM and CR not counted)', () => {
    const r = kubeway(['check', `${FIXTURES}/errors`, '--format', 'json']);
    const out = JSON.parse(r.stdout) as JsonOutput;
    assert.deepEqual(Object.keys(out), ['version', 'diagnostics']);
    assert.equal(out.version, 1);
    for (const d of out.diagnostics) {
      assert.deepEqual(Object.keys(d), ['file', 'range', 'severity', 'code', 'message', 'source']);
      assert.deepEqual(Object.keys(d.range), ['start', 'end']);
      assert.deepEqual(Object.keys(d.range.start), ['line', 'character']);
      assert.deepEqual(Object.keys(d.range.end), ['line', 'character']);
    }
    assert.deepEqual(out.diagnostics, [
      {
        file: `${FIXTURES}/errors/bom-crlf.yaml`,
        range: { start: { line: 4, character: 21 }, end: { line: 4, character: 27 } },
        severity: 'error',
        code: 'yaml-duplicate-key',
        message:
          'Duplicate key `rocket`: it is already set on line 5. YAML allows a key only once per map, and kubectl would silently keep only the last value. Remove one of them.',
        source: 'kubeway',
      },
      {
        file: `${FIXTURES}/errors/broken.yaml`,
        range: { start: { line: 5, character: 12 }, end: { line: 5, character: 18 } },
        severity: 'error',
        code: 'yaml-syntax',
        message:
          'YAML syntax error: missing closing ": the quoted string that starts here runs to the end of the document. Close it with ".',
        source: 'kubeway',
      },
      {
        file: `${FIXTURES}/errors/duplicate.yaml`,
        range: { start: { line: 6, character: 2 }, end: { line: 6, character: 7 } },
        severity: 'error',
        code: 'yaml-duplicate-key',
        message:
          'Duplicate key `debug`: it is already set on line 6. YAML allows a key only once per map, and kubectl would silently keep only the last value. Remove one of them.',
        source: 'kubeway',
      },
      {
        file: `${FIXTURES}/errors/removed.yaml`,
        range: { start: { line: 0, character: 12 }, end: { line: 0, character: 30 } },
        severity: 'error',
        code: 'api-version-removed',
        message:
          'Deployment extensions/v1beta1 was removed in Kubernetes 1.16: use apiVersion: apps/v1 (apps/v1 requires spec.selector).',
        source: 'kubeway',
      },
    ]);
  });

  it('--format text: file:line:col severity message [code], 1-based, then a summary; no colour when piped', () => {
    const r = kubeway(['check', `${FIXTURES}/errors`]);
    assert.equal(
      r.stdout,
      [
        `${FIXTURES}/errors/bom-crlf.yaml:5:22 error Duplicate key \`rocket\`: it is already set on line 5. YAML allows a key only once per map, and kubectl would silently keep only the last value. Remove one of them. [yaml-duplicate-key]`,
        `${FIXTURES}/errors/broken.yaml:6:13 error YAML syntax error: missing closing ": the quoted string that starts here runs to the end of the document. Close it with ". [yaml-syntax]`,
        `${FIXTURES}/errors/duplicate.yaml:7:3 error Duplicate key \`debug\`: it is already set on line 6. YAML allows a key only once per map, and kubectl would silently keep only the last value. Remove one of them. [yaml-duplicate-key]`,
        `${FIXTURES}/errors/removed.yaml:1:13 error Deployment extensions/v1beta1 was removed in Kubernetes 1.16: use apiVersion: apps/v1 (apps/v1 requires spec.selector). [api-version-removed]`,
        '4 errors, 0 warnings in 4 files.',
        '',
      ].join('\n'),
    );
    assert.doesNotMatch(r.stdout, /\x1b\[/);
    assert.equal(
      kubeway(['check', `${FIXTURES}/warnings`])
        .stdout.split('\n')
        .at(-2),
      '0 errors, 1 warning in 1 file.',
    );
  });

  it('--format text: coloured on a terminal; NO_COLOR and FORCE_COLOR override the guess', (t) => {
    const forced = kubeway(['check', `${FIXTURES}/errors/duplicate.yaml`], { env: { FORCE_COLOR: '1' } });
    assert.match(
      forced.stdout,
      /^\x1b\[1mtest\/fixtures\/cli\/errors\/duplicate.yaml:7:3\x1b\[0m \x1b\[31merror\x1b\[0m Duplicate key/,
    );
    if (spawnSync('script', ['--version']).status !== 0) {
      t.diagnostic('util-linux `script` is not installed: the pseudo-terminal run is skipped');
      return;
    }
    // `script` runs the CLI on a pseudo-terminal, as in an interactive shell.
    const tty = (env: string) =>
      spawnSync(
        'script',
        [
          '-qec',
          `${env} ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} check ${FIXTURES}/errors/duplicate.yaml`,
          '/dev/null',
        ],
        {
          cwd: root,
          encoding: 'utf8',
          env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' },
        },
      );
    const coloured = tty('');
    assert.equal(coloured.status, 1);
    assert.match(coloured.stdout, /\x1b\[31merror\x1b\[0m/);
    assert.doesNotMatch(tty('NO_COLOR=1').stdout, /\x1b\[/);
  });

  it('--format sarif: valid against the SARIF 2.1.0 schema, and what GitHub code scanning reads', () => {
    const r = kubeway(['check', `${FIXTURES}/errors`, `${FIXTURES}/warnings`, '--format', 'sarif']);
    assert.equal(r.status, 1);
    const sarif = JSON.parse(r.stdout);
    const schemaPath = join(
      root,
      'node_modules',
      '@microsoft',
      'jest-sarif',
      'lib',
      'schemas',
      'sarif-2.1.0-rtm.5.json',
    );
    const validator = new Validator(JSON.parse(readFileSync(schemaPath, 'utf8')), '4', false);
    const result = validator.validate(sarif);
    assert.deepEqual(result.errors.slice(0, 5), []);
    assert.equal(result.valid, true);

    assert.equal(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    assert.equal(sarif.runs.length, 1);
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'kubeway');
    assert.deepEqual(
      run.tool.driver.rules.map((x: { id: string }) => x.id),
      ALL_RULES.map((x) => x.id),
    );
    for (const rule of run.tool.driver.rules) {
      assert.ok(rule.shortDescription.text.length > 0);
      assert.equal(rule.helpUri, `https://github.com/kubeway/kubeway/blob/main/docs/rules/${rule.id}.md`);
      assert.match(rule.defaultConfiguration.level, /^(error|warning|note)$/);
    }
    assert.equal(run.results.length, 5);
    for (const res of run.results) {
      assert.equal(run.tool.driver.rules[res.ruleIndex].id, res.ruleId);
      assert.match(res.level, /^(error|warning|note)$/);
      assert.ok(res.message.text.length > 0);
      const loc = res.locations[0].physicalLocation;
      assert.match(loc.artifactLocation.uri, /^test\/fixtures\/cli\/(errors|warnings)\/[\w.-]+\.yaml$/);
      assert.ok(existsSync(join(root, loc.artifactLocation.uri)));
      assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1);
      assert.ok(
        loc.region.endLine > loc.region.startLine ||
          (loc.region.endLine === loc.region.startLine && loc.region.endColumn >= loc.region.startColumn),
      );
    }
    const dup = run.results.find(
      (x: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        x.ruleId === 'yaml-duplicate-key' &&
        x.locations[0].physicalLocation.artifactLocation.uri.endsWith('duplicate.yaml'),
    );
    assert.deepEqual(dup.locations[0].physicalLocation.region, {
      startLine: 7,
      startColumn: 3,
      endLine: 7,
      endColumn: 8,
    });
    assert.deepEqual(run.results.map((x: { level: string }) => x.level).sort(), [
      'error',
      'error',
      'error',
      'error',
      'warning',
    ]);
  });

  it('--format sarif: file names are percent-encoded URI references; files outside the working folder are file: URIs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubeway cli #1-'));
    try {
      writeFileSync(join(dir, 'my app.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n');
      const inside = JSON.parse(kubeway(['check', '.', '--format', 'sarif'], { cwd: dir }).stdout);
      assert.deepEqual(inside.runs[0].results[0].locations[0].physicalLocation.artifactLocation, {
        uri: 'my%20app.yaml',
        uriBaseId: '%SRCROOT%',
      });
      const outside = JSON.parse(kubeway(['check', dir, '--format', 'sarif']).stdout);
      assert.equal(
        outside.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri,
        `file://${dir.split('/').map(encodeURIComponent).join('/')}/my%20app.yaml`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an empty result is valid SARIF with no results, and empty JSON diagnostics', () => {
    const sarif = JSON.parse(kubeway(['check', `${FIXTURES}/clean`, '--format', 'sarif']).stdout);
    assert.deepEqual(sarif.runs[0].results, []);
    assert.deepEqual(JSON.parse(kubeway(['check', `${FIXTURES}/clean`, '--format', 'json']).stdout), {
      version: 1,
      diagnostics: [],
    });
  });
});

describe('kubeway check: inputs', () => {
  it('all files given form one set: references resolve across files and folders', () => {
    const alone = JSON.parse(kubeway(['check', `${FIXTURES}/warnings`, '--format', 'json']).stdout) as JsonOutput;
    assert.equal(alone.diagnostics.length, 1);
    const dir = mkdtempSync(join(tmpdir(), 'kubeway-cli-'));
    try {
      writeFileSync(
        join(dir, 'svc.yml'),
        'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports: [{port: 80}]\n',
      );
      const together = JSON.parse(
        kubeway(['check', `${FIXTURES}/warnings/ingress.yaml`, dir, '--format', 'json']).stdout,
      ) as JsonOutput;
      assert.deepEqual(together.diagnostics, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a file given twice (or through its folder) is checked once', () => {
    const r = kubeway([
      'check',
      `${FIXTURES}/errors/duplicate.yaml`,
      `./${FIXTURES}/errors/duplicate.yaml`,
      `${FIXTURES}/errors`,
      '--format',
      'json',
    ]);
    assert.equal((JSON.parse(r.stdout) as JsonOutput).diagnostics.length, 4);
  });

  it('"-" reads standard input', () => {
    const r = kubeway(['check', '-', '--format', 'json'], {
      input: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n',
    });
    const out = JSON.parse(r.stdout) as JsonOutput;
    assert.deepEqual(
      out.diagnostics.map((d) => `${d.file} ${d.range.start.line} ${d.code}`),
      ['<stdin> 4 yaml-duplicate-key'],
    );
    assert.equal(r.status, 1);
  });

  it('--node-port-range changes the allowed node ports', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubeway-cli-'));
    try {
      writeFileSync(
        join(dir, 'svc.yaml'),
        'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: NodePort\n  ports: [{port: 80, nodePort: 20080}]\n',
      );
      assert.equal(kubeway(['check', dir]).status, 1);
      assert.deepEqual(
        [
          kubeway(['check', dir, '--node-port-range', '20000-22767']).status,
          kubeway(['check', dir, '--node-port-range=20000-22767']).stdout,
        ],
        [0, 'No problems found.\n'],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never writes to the checked files', () => {
    const snapshot = () => {
      const out: string[] = [];
      const walk = (dir: string) => {
        for (const name of readdirSync(dir).sort()) {
          const p = join(dir, name);
          const st = statSync(p);
          if (st.isDirectory()) walk(p);
          else
            out.push(
              `${p} ${st.mtimeMs} ${st.size} ${createHash('sha256').update(readFileSync(p, 'latin1')).digest('hex')}`,
            );
        }
      };
      walk(join(root, FIXTURES));
      return out;
    };
    const beforeRun = snapshot();
    for (const format of ['text', 'json', 'sarif']) kubeway(['check', FIXTURES, '--format', format]);
    assert.deepEqual(snapshot(), beforeRun);
  });
});

describe('examples/', () => {
  for (const readmePath of ['examples/README.md', 'README.md']) {
    it(`kubeway check examples/ prints exactly the output shown in ${readmePath}`, () => {
      const readme = readFileSync(join(root, readmePath), 'utf8');
      const shown = /```text\n(?:\$ kubeway check examples\/\n)?([\s\S]*?)```/.exec(readme);
      assert.ok(shown, `${readmePath} shows the output in a \`\`\`text block`);
      const r = kubeway(['check', 'examples/']);
      assert.equal(r.stdout, shown[1]);
      assert.equal(r.status, 1);
    });
  }
});

describe('kubeway check --rule', () => {
  const service =
    'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  selector: {app: nothing}\n  ports: [{port: 80}]\n';

  it('turns a rule off, or changes its severity (and so the exit code)', () => {
    const codes = (r: Run) => (JSON.parse(r.stdout) as JsonOutput).diagnostics.map((d) => `${d.code} ${d.severity}`);
    const plain = kubeway(['check', '-', '--format', 'json'], { input: service });
    assert.deepEqual([codes(plain), plain.status], [['service-selects-no-pods warning'], 0]);
    const off = kubeway(['check', '-', '--format', 'json', '--rule', 'service-selects-no-pods=off'], {
      input: service,
    });
    assert.deepEqual([codes(off), off.status], [[], 0]);
    const raised = kubeway(
      ['check', '-', '--format', 'json', '--rule', 'ingress-host=warning, service-selects-no-pods=error'],
      { input: service },
    );
    assert.deepEqual([codes(raised), raised.status], [['service-selects-no-pods error'], 1]);
  });

  it('rejects unknown rules and levels with a usage error', () => {
    const unknown = kubeway(['check', '-', '--rule', 'no-such-rule=off'], { input: service });
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /--rule: unknown rule "no-such-rule"/);
    const level = kubeway(['check', '-', '--rule', 'service-type=fatal'], { input: service });
    assert.equal(level.status, 2);
    assert.match(level.stderr, /--rule service-type: "fatal" is not one of error, warning, information, hint, off/);
  });
});

describe('kubeway check: encodings', () => {
  it('reads UTF-16 files by their byte order mark, as kubectl does (the same findings as in UTF-8)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubeway-utf16-'));
    const text =
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: nodeport\n  ports:\n  - port: 80\n';
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) {
      be[i] = le[i + 1];
      be[i + 1] = le[i];
    }
    writeFileSync(join(dir, 'le.yaml'), new Uint8Array([0xff, 0xfe, ...le]));
    writeFileSync(join(dir, 'be.yaml'), new Uint8Array([0xfe, 0xff, ...be]));
    writeFileSync(join(dir, 'u8.yaml'), text);
    const r = kubeway(['check', dir, '--format', 'json']);
    const found = (
      JSON.parse(r.stdout) as { diagnostics: { file: string; code: string; range: { start: { line: number } } }[] }
    ).diagnostics.map((d) => `${d.file.slice(dir.length + 1)}:${d.range.start.line} ${d.code}`);
    assert.deepEqual(found, ['be.yaml:5 service-type', 'le.yaml:5 service-type', 'u8.yaml:5 service-type']);
    assert.equal(r.status, 1);
  });
});

describe('kubeway check: templates', () => {
  it('says on stdout and stderr which files it skipped as unrendered templates, and why, and reports nothing in them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubeway-tpl-'));
    writeFileSync(
      join(dir, 'deployment.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  replicas: {{ .Values.replicas }}\n',
    );
    const r = kubeway(['check', dir]);
    assert.equal(r.status, 0);
    const skipped = `1 file skipped as template: ${dir}/deployment.yaml (an unrendered Helm/Go template: \`{{ … }}\` stands where YAML structure is, on line 4)`;
    assert.equal(r.stdout, `No problems found.\n${skipped}\n`);
    assert.equal(r.stderr, `kubeway: ${skipped}\n`);
  });

  it("skips every file of a chart's templates/ (a Chart.yaml above it), and checks files whose `{{` is text", () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubeway-chart-'));
    mkdirSync(join(dir, 'chart', 'templates', 'tests'), { recursive: true });
    mkdirSync(join(dir, 'chart', 'crds'), { recursive: true });
    writeFileSync(join(dir, 'chart', 'Chart.yaml'), 'apiVersion: v2\nname: web\nversion: 1.0.0\n');
    // No `{{` at all, but Helm renders it: skipped by its place.
    writeFileSync(
      join(dir, 'chart', 'templates', 'service.yaml'),
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: nodeport\n  ports:\n  - port: 80\n',
    );
    writeFileSync(
      join(dir, 'chart', 'templates', 'tests', 'pod.yaml'),
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: t\nspec:\n  type: nodeport\n',
    );
    // crds/ is not rendered by Helm: checked.
    writeFileSync(
      join(dir, 'chart', 'crds', 'svc.yaml'),
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: crd\nspec:\n  type: nodeport\n  ports:\n  - port: 80\n',
    );
    // Prometheus rules and a Grafana dashboard: `{{` inside values is text, the files are checked.
    writeFileSync(
      join(dir, 'rules.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: rules\ndata:\n  summary: Instance {{ $labels.instance }} is down\n  quoted: "{{ $value }}"\n  dashboard.json: |\n    {"title": "{{ .Name }}"}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: rules\nspec:\n  type: nodeport\n  ports:\n  - port: 80\n',
    );
    const r = kubeway(['check', dir, '--format', 'json']);
    const files = (JSON.parse(r.stdout) as { diagnostics: { file: string; code: string }[] }).diagnostics
      .filter((d) => d.code === 'service-type')
      .map((d) => d.file)
      .sort();
    assert.deepEqual(files, [`${dir}/chart/crds/svc.yaml`, `${dir}/rules.yaml`]);
    const why =
      'in the templates/ folder of the Helm chart ' +
      dir +
      '/chart/Chart.yaml: render it with `helm template` to check it';
    assert.equal(
      r.stderr,
      `kubeway: 2 files skipped as templates: ${dir}/chart/templates/service.yaml (${why}), ${dir}/chart/templates/tests/pod.yaml (${why})\n`,
    );
  });
});
