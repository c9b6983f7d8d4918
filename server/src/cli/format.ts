import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../engine/types';
import { ALL_RULES } from '../engine/rules/registry';
import { ruleDocUrl } from '../engine/ruleDocs';
import { escapeControls, escapeJsonControls } from '../engine/text';

/** `--format json`: exactly the documented shape (no fix data). */
export function formatJson(diagnostics: Diagnostic[]): string {
  return escapeJsonControls(
    JSON.stringify(
      {
        version: 1,
        diagnostics: diagnostics.map((d) => ({
          file: d.file,
          range: {
            start: { line: d.range.start.line, character: d.range.start.character },
            end: { line: d.range.end.line, character: d.range.end.character },
          },
          severity: d.severity,
          code: d.code,
          message: d.message,
          source: d.source,
        })),
      },
      null,
      2,
    ),
  );
}

const COLOURS: Record<string, string> = {
  error: '\x1b[31m',
  warning: '\x1b[33m',
  information: '\x1b[36m',
  hint: '\x1b[2m',
};

/** `--format text`: `file:line:col severity message [code]`, 1-based like compilers print. */
export function formatText(diagnostics: Diagnostic[], colour: boolean): string {
  const lines = diagnostics.map((d) => {
    // Names and values from the manifests reach the terminal: their control characters are shown, not obeyed.
    const where = `${escapeControls(d.file)}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
    const sev = colour ? `${COLOURS[d.severity] ?? ''}${d.severity}\x1b[0m` : d.severity;
    const code = colour ? `\x1b[2m[${d.code}]\x1b[0m` : `[${d.code}]`;
    return `${colour ? `\x1b[1m${where}\x1b[0m` : where} ${sev} ${escapeControls(d.message)} ${code}`;
  });
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const files = new Set(diagnostics.map((d) => d.file)).size;
  lines.push(
    diagnostics.length === 0
      ? 'No problems found.'
      : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.`,
  );
  return lines.join('\n');
}

const SARIF_LEVEL: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/**
 * A file as a SARIF artifact URI: a relative reference (forward slashes, each segment percent-encoded) for
 * files under the working folder, which code scanning resolves against the repository root; a file: URI otherwise.
 */
export function sarifUri(file: string): string {
  if (file === '<stdin>') return 'stdin';
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

/** `--format sarif`: SARIF 2.1.0 as GitHub code scanning takes it (paths relative, 1-based regions). */
export function formatSarif(diagnostics: Diagnostic[], version: string): string {
  const rules = ALL_RULES.map((r) => ({
    id: r.id,
    name: r.id
      .split('-')
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join(''),
    shortDescription: { text: r.description },
    fullDescription: { text: r.description },
    help: { text: r.description },
    helpUri: ruleDocUrl(r.id),
    defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
    properties: { tags: ['kubernetes'] },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kubeway',
            version,
            semanticVersion: /^\d+\.\d+\.\d+/.test(version) ? version : undefined,
            rules,
          },
        },
        results: diagnostics.map((d) => {
          const uri = sarifUri(d.file);
          return {
            ruleId: d.code,
            ...(ruleIndex.has(d.code) ? { ruleIndex: ruleIndex.get(d.code) } : {}),
            level: SARIF_LEVEL[d.severity],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: isAbsolute(d.file) || uri === 'stdin' ? { uri } : { uri, uriBaseId: '%SRCROOT%' },
                  region: {
                    startLine: d.range.start.line + 1,
                    startColumn: d.range.start.character + 1,
                    endLine: d.range.end.line + 1,
                    endColumn: d.range.end.character + 1,
                  },
                },
              },
            ],
          };
        }),
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: true }],
      },
    ],
  };
  return escapeJsonControls(JSON.stringify(sarif, null, 2));
}
