/** Pieces of diagnostic messages shared by the rules. */

/**
 * The API server's own words for a value that fails a syntax check (the messages of k8s/validation.ts), as
 * it prints them after `Invalid value: "…":`, for use after the thing that is wrong: "Container name `Web` is
 * invalid: a lowercase RFC 1123 label must …".
 */
export function isInvalid(errs: string[]): string {
  return `is invalid: ${errs.join('; ')}`;
}

/** The value as it is spelled in messages. */
export function shown(value: string): string {
  return value === '' ? '""' : `\`${value}\``;
}

/** "a, b and c". */
export function joinAnd(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** "Container `web`" → "container `web`", for use inside a sentence. */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
