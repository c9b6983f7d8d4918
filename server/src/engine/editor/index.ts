/** Editor answers (completion, hover, navigation, symbols, quick fixes), pure: the LSP layer converts them. */
export { complete, valueShape } from './complete';
export type { CompletionAnswer, CompletionEntry, CompletionKind } from './complete';
export { hover } from './hover';
export type { HoverAnswer } from './hover';
export { definition, references } from './navigate';
export type { Location } from './navigate';
export { documentSymbols, workspaceSymbols } from './symbols';
export type { ObjectSymbol } from './symbols';
export { quickFixes, touches } from './fixes';
export type { QuickFix, DiagnosticKey } from './fixes';
export { affectedFiles, changedObjects } from './affected';
export { cursorContext } from './cursor';
export type { CursorContext, PathSegment } from './cursor';
export { textLines } from './lines';
export type { TextLines } from './lines';
