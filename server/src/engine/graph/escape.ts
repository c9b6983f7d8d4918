import { escapeControls } from '../text';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for XML/HTML content and attribute values; characters XML 1.0 forbids become U+FFFD. */
export function escapeXml(text: string): string {
  return text
    .replace(/[&<>"']/g, (c) => XML_ESCAPES[c])
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD');
}

/**
 * Escapes text shown in the picture (box lines, labels, tooltips): control and bidirectional-override
 * characters from the manifests are shown as escapes (`\x1b`, `\u202e`); a tooltip keeps its line breaks.
 */
export function escapeText(text: string): string {
  return escapeXml(text.split('\n').map(escapeControls).join('\n'));
}
