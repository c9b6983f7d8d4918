import type { Node as YamlNode } from 'yaml';
/** Plain data shared by every layer of the engine. Positions are LSP-style: 0-based line and UTF-16 character. */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A text replacement that fixes a diagnostic; the LSP layer turns it into a quick fix. */
export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface Diagnostic {
  file: string;
  range: Range;
  severity: Severity;
  /** The rule id. */
  code: string;
  message: string;
  source: 'kubeway';
  /** The one right fix, when there is one. Not part of the CLI's JSON output. */
  fix?: Fix;
  /** Fixes to choose from when there is no one right fix (one per container port, per close name). */
  choices?: Fix[];
}

/** What a rule reports; the engine adds the file, the rule id and the severity. */
export interface Finding {
  /** A YAML node of the object's document (its value range is used), or an explicit range. */
  at: YamlNode | Range;
  message: string;
  fix?: Fix;
  /** Fixes to choose from, when more than one is plausible (the editor lists each). */
  choices?: Fix[];
  /** Overrides the rule's default severity for this finding (e.g. absent vs. broken reference). */
  severity?: Severity;
}
