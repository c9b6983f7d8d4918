/**
 * Text from manifests, made safe to show. A YAML double-quoted scalar can hold any character (`"\e[2J"`,
 * `"\u202e"`): printed raw, a name could clear the terminal, forge output or a hyperlink, or reorder what a
 * reader sees; and a value can be a megabyte long.
 */

/** C0 controls, DEL, C1 controls, and the bidirectional embeddings, overrides and isolates. */

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Writes control and bidirectional-override characters as visible escapes (`\x1b`, `\n`, `\u202e`). */
export function escapeControls(text: string): string {
  UNSAFE.lastIndex = 0;
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return NAMED[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`);
  });
}

const JSON_UNSAFE = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text with the characters JSON.stringify leaves raw (DEL, C1, bidirectional overrides) written as
 * `\uXXXX` escapes too: the same value, and nothing a terminal acts on. They can only occur inside strings.
 */
export function escapeJsonControls(json: string): string {
  return json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Longest value quoted whole in a message; longer ones are cut, with an ellipsis. */
export const QUOTE_MAX = 80;

/** A value as a message quotes it: at most QUOTE_MAX characters, ending with `…` when cut. */
export function shortenValue(value: string, max = QUOTE_MAX): string {
  if (value.length <= max) return value;
  let end = max - 1;
  // Not between the two halves of a surrogate pair.
  if (/[\ud800-\udbff]/.test(value[end - 1])) end--;
  return `${value.slice(0, end)}…`;
}

/** Every `quoted` value of a message, shortened (messages quote values between backticks). */
export function shortenQuoted(message: string): string {
  if (message.length <= QUOTE_MAX) return message;
  return message.replace(/`([^`]*)`/g, (all: string, value: string) =>
    value.length > QUOTE_MAX ? `\`${shortenValue(value)}\`` : all,
  );
}
