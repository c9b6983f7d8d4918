/**
 * Syntax errors: the yaml library's first error of a document, moved to where a person would look and
 * reworded for the common mistakes.
 */
import type { Document, YAMLError } from 'yaml';
import type { YamlProblem } from './document';
import type { LineIndex } from './lines';
import { openingQuote, unclosedFlowAt } from './nodeSearch';

export function locateSyntaxError(errors: readonly YAMLError[], doc: Document.Parsed, lines: LineIndex): YamlProblem {
  const text = lines.text;
  const err = errors[0];
  const [pos, posEnd] = err.pos;
  const raw = firstLine(err.message);
  const lineRest = (start: number): YamlProblem['end'] =>
    Math.max(start + 1, lines.lineEnd(lines.position(start).line));
  const problem = (start: number, end: number, message: string): YamlProblem => ({
    code: 'yaml-syntax',
    start,
    end: Math.min(Math.max(end, start), text.length),
    message: `YAML syntax error: ${message}`,
  });
  switch (err.code) {
    case 'TAB_AS_INDENT':
      return {
        code: 'yaml-tab-indent',
        start: pos,
        end: posEnd,
        message: 'Tabs are not allowed as indentation in YAML: indent with spaces.',
      };
    case 'RESOURCE_EXHAUSTION':
      return problem(
        pos,
        pos + 1,
        'this document nests maps and lists too deeply for kubeway to read; it is not checked.',
      );
    case 'MISSING_CHAR': {
      const quote = /^Missing closing (["'])quote/.exec(raw);
      if (quote) {
        const open = openingQuote(doc, pos, quote[1], text);
        if (open !== undefined)
          return problem(
            open,
            lineRest(open),
            `missing closing ${quote[1]}: the quoted string that starts here runs to the end of the document. Close it with ${quote[1]}.`,
          );
        break;
      }
      const flow = /flow (map|sequence)/i.exec(raw);
      if (flow && /end with/.test(raw)) {
        const found = unclosedFlow(doc, pos, flow[1] === 'map', text, lines, problem);
        if (found) return found;
        break;
      }
      if (raw.startsWith('Implicit map keys need to be followed by map values')) {
        const start = skipSpace(text, pos);
        const key = text.slice(start, lines.lineEnd(lines.position(start).line)).trim();
        if (key.startsWith('- ') || key === '-')
          return problem(
            start,
            lineRest(start),
            'a list item (`- `) cannot start here: indent it under the key it belongs to.',
          );
        if (GLUED_COLON.test(key)) return problem(start, lineRest(start), gluedColonMessage(key));
        return problem(
          start,
          lineRest(start),
          `\`${clip(key)}\` is not a \`key: value\` pair: add the missing \`:\`, or indent this line to continue the value above it.`,
        );
      }
      break;
    }
    case 'BAD_INDENT': {
      const flow = /^Flow (map|sequence) in block collection must be sufficiently indented and end with/.exec(raw);
      if (flow) {
        const found = unclosedFlow(
          doc,
          pos,
          flow[1] === 'map',
          text,
          lines,
          problem,
          ' (and the lines inside it must be indented more than its key)',
        );
        if (found) return found;
      }
      break;
    }
    case 'BLOCK_AS_IMPLICIT_KEY': {
      const next = errors[1];
      if (next?.code === 'MULTILINE_IMPLICIT_KEY' && next.pos[0] === pos) {
        const last = lines.position(next.pos[1]).line;
        if (last > lines.position(pos).line) {
          // `name: a` then `   namespace: b` indented deeper: the second line continues the first value.
          const start = skipSpace(text, lines.lineStarts[last]);
          return problem(
            start,
            lineRest(start),
            'this line is indented further than the line above it, so YAML reads it as part of that value: line it up with the keys it belongs with.',
          );
        }
      }
      if (raw.startsWith('Nested mappings are not allowed in compact mappings')) {
        return problem(
          pos,
          lineRest(pos),
          'a plain value cannot contain `: `: quote the value, or put the nested map on its own indented lines.',
        );
      }
      if (raw.startsWith('A block sequence may not be used as an implicit map key')) {
        const start = skipSpace(text, pos);
        return problem(
          start,
          lineRest(start),
          'a list item (`- `) cannot start here: indent it under the key it belongs to.',
        );
      }
      break;
    }
    case 'MULTILINE_IMPLICIT_KEY': {
      const start = skipSpace(text, pos);
      const line = lines.position(start).line;
      const first = text.slice(start, lines.lineEnd(line)).trim();
      if (GLUED_COLON.test(first)) return problem(start, lineRest(start), gluedColonMessage(first));
      if (lines.position(posEnd).line > line && !first.includes(':')) {
        return problem(
          start,
          lineRest(start),
          `missing \`:\` after \`${clip(first)}\`: the lines below are indented under it as if it were a key.`,
        );
      }
      return problem(start, lineRest(start), 'a key must fit on one line: add the missing `:` or fix the indentation.');
    }
  }
  if (err.code === 'UNEXPECTED_TOKEN' && / at node end\.$/.test(raw)) {
    // `a: 'it's'`, `a: "x" y` or `a: [b] c`: the value ended and more text follows on the line.
    const start = skipSpace(text, pos);
    let before = pos - 1;
    while (before > 0 && (text[before] === ' ' || text[before] === '\t')) before--;
    if (text[before] === "'" || text[before] === '"') {
      return problem(
        start,
        lineRest(start),
        "text after the end of a quoted value: quote the whole value (inside single quotes write a quote as `''`, inside double quotes as `\\\"`).",
      );
    }
    if (text[before] === ']' || text[before] === '}') {
      return problem(
        start,
        lineRest(start),
        `text after the closing \`${text[before]}\`: quote the whole value, or move the text inside the brackets.`,
      );
    }
  }
  const start = skipSpace(text, pos);
  return problem(
    start,
    Math.min(Math.max(posEnd, start + 1), lineRest(start)),
    `${raw.charAt(0).toLowerCase()}${raw.slice(1)}`,
  );
}

/** `name:web` (a key glued to its value): YAML needs a space after the `:`. */
const GLUED_COLON = /^[\w./-]+:[^\s:]/;

function gluedColonMessage(line: string): string {
  const i = line.indexOf(':');
  return `missing space after \`:\` in \`${clip(line)}\`: write \`${clip(`${line.slice(0, i)}: ${line.slice(i + 1)}`)}\`.`;
}

function firstLine(message: string): string {
  const line = message.split('\n')[0];
  return line.replace(/ at line \d+, column \d+:?$/, '').replace(/\.?$/, '.');
}

/** A piece of the user's text for a message: short, control characters shown as `?`. */
function clip(s: string): string {
  const shown = s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return shown.length > 40 ? `${shown.slice(0, 37)}...` : shown;
}

/** The first offset at or after `pos` that is not white space (or `pos` when there is none). */
function skipSpace(text: string, pos: number): number {
  for (let i = pos; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return i;
  }
  return pos;
}

/** The innermost flow collection (`{` or `[`) that is never closed before `pos`. */
function unclosedFlow(
  doc: Document.Parsed,
  pos: number,
  map: boolean,
  text: string,
  lines: LineIndex,
  problem: (start: number, end: number, message: string) => YamlProblem,
  hint = '',
): YamlProblem | undefined {
  const [open, close] = map ? ['{', '}'] : ['[', ']'];
  const found = unclosedFlowAt(doc, pos, open, text);
  if (!found?.range) return undefined;
  const best = found.range[0];
  const what = map ? 'flow map' : 'flow sequence';
  return problem(
    best,
    Math.max(best + 1, lines.lineEnd(lines.position(best).line)),
    `this ${what} \`${open}\` is never closed: add the missing \`${close}\`${hint}.`,
  );
}
