/**
 * Whether a string is a Kubernetes resource quantity, as k8s.io/apimachinery resource.ParseQuantity reads it:
 * an optionally signed decimal number, then a suffix that is empty, binary SI (Ki Mi Gi Ti Pi Ei), decimal SI
 * (n u m k M G T P E) or a decimal exponent (e3, E-2).
 */
const SUFFIX_CHARS = 'eEinumkKMGTP';
const SUFFIXES = new Set(['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E']);

const isDigit = (c: number) => c >= 48 && c <= 57;

export function isQuantity(str: string): boolean {
  const end = str.length;
  if (end === 0) return false;
  let pos = 0;
  const c0 = str.charCodeAt(0);
  if (c0 === 45 /* - */ || c0 === 43 /* + */) pos++;
  let digits = 0;
  while (pos < end && isDigit(str.charCodeAt(pos))) {
    pos++;
    digits++;
  }
  if (pos < end && str[pos] === '.') {
    pos++;
    while (pos < end && isDigit(str.charCodeAt(pos))) {
      pos++;
      digits++;
    }
  }
  // ParseQuantity reads a number without digits ("Mi", "-") as zero; nobody means that.
  if (digits === 0) return false;
  const suffixStart = pos;
  while (pos < end && SUFFIX_CHARS.includes(str[pos])) pos++;
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++;
  while (pos < end && isDigit(str.charCodeAt(pos))) pos++;
  if (pos < end) return false;
  const suffix = str.slice(suffixStart);
  if (SUFFIXES.has(suffix)) return true;
  return /^[eE][-+]?\d+$/.test(suffix);
}
