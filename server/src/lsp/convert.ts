/** Engine values → LSP values. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, DiagnosticSeverity, SymbolKind } from 'vscode-languageserver/node';
import type { Diagnostic as LspDiagnostic, Location as LspLocation } from 'vscode-languageserver/node';
import type { CompletionKind } from '../engine/editor/complete';
import type { TextLines } from '../engine/editor/lines';
import type { Location } from '../engine/editor/traffic';
import { ruleDocUrl } from '../engine/ruleDocs';
import type { Diagnostic } from '../engine/types';
import type { FileNames } from './files';

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

/**
 * An engine diagnostic as published: range, severity, code, message and source, exactly as the CLI's JSON has
 * them, and the link to the rule's documentation page.
 */
export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    codeDescription: { href: ruleDocUrl(d.code) },
    source: d.source,
    message: d.message,
  };
}

export function toLspLocation(names: FileNames, l: Location): LspLocation {
  return { uri: names.uriOf(l.file), range: l.range };
}

export const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  enum: CompletionItemKind.EnumMember,
  value: CompletionItemKind.Value,
  property: CompletionItemKind.Property,
  reference: CompletionItemKind.Reference,
  label: CompletionItemKind.Constant,
  document: CompletionItemKind.Module,
};

/** An outline icon per kind of Kubernetes object. */
export function symbolKind(kind: string): SymbolKind {
  switch (kind) {
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'ReplicationController':
    case 'Job':
    case 'CronJob':
    case 'Pod':
      return SymbolKind.Class;
    case 'Service':
      return SymbolKind.Interface;
    case 'Ingress':
    case 'IngressClass':
      return SymbolKind.Event;
    case 'Namespace':
      return SymbolKind.Namespace;
    case 'ConfigMap':
    case 'Secret':
      return SymbolKind.Struct;
    default:
      return SymbolKind.Object;
  }
}

/** The lines of an open document (line offsets are kept by TextDocument, so a line costs one slice). */
export function documentLines(doc: TextDocument): TextLines {
  const text = doc.getText();
  const lineCount = doc.lineCount;
  return {
    lineCount,
    lineText(line: number): string {
      if (line < 0 || line >= lineCount) return '';
      const start = doc.offsetAt({ line, character: 0 });
      const end = line + 1 < lineCount ? doc.offsetAt({ line: line + 1, character: 0 }) : text.length;
      let e = end;
      if (e > start && text.charCodeAt(e - 1) === 10) e--;
      if (e > start && text.charCodeAt(e - 1) === 13) e--;
      return text.slice(start, e);
    },
  };
}
