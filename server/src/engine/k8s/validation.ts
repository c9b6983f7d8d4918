/**
 * The API server's syntax checks, ported from k8s.io/apimachinery (pkg/util/validation/validation.go and
 * ip.go, pkg/api/validate/content, pkg/api/validation/generic.go and path/name.go, at commit eed236ce).
 * Each function returns the list of messages the Go function returns, in the same order and words (empty
 * when the value is valid), so that a diagnostic says what `kubectl apply` would print. Lengths are Go's
 * `len`: bytes of UTF-8. Every rule that checks a Kubernetes name, label, port or address calls this module.
 */

const encoder = new TextEncoder();

/** Length as the API server counts it (bytes of UTF-8, Go's len). */
export function byteLength(s: string): number {
  return encoder.encode(s).length;
}

// ---- message builders (validation.go / content/errors.go) ----

/** util/validation MaxLenError. */
export function maxLenError(length: number): string {
  return `must be no more than ${length} characters`;
}

/** content.MaxLenError (label keys and values, the prefix of a label key). */
function contentMaxLenError(length: number): string {
  return `must be no more than ${length} bytes`;
}

export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join('or ')}regex used for validation is '${fmt}')`;
}

export function emptyError(): string {
  return 'must be non-empty';
}

export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`;
}

// ---- the formats' regular expressions, matched in linear time (Go's regexp is RE2; a backtracking
// JavaScript RegExp of these patterns is quadratic on long invalid input) ----

const isAlnumLower = (c: string) => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
const isAlnum = (c: string) => isAlnumLower(c) || (c >= 'A' && c <= 'Z');

/** `[a-z0-9]([-a-z0-9]*[a-z0-9])?` */
function matchesDNS1123Label(v: string): boolean {
  if (v === '' || !isAlnumLower(v[0]) || !isAlnumLower(v[v.length - 1])) return false;
  for (const c of v) if (c !== '-' && !isAlnumLower(c)) return false;
  return true;
}

/** `[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*` */
function matchesDNS1123Subdomain(v: string): boolean {
  return v.split('.').every(matchesDNS1123Label);
}

/** `[a-z]([-a-z0-9]*[a-z0-9])?` */
function matchesDNS1035Label(v: string): boolean {
  return matchesDNS1123Label(v) && v[0] >= 'a' && v[0] <= 'z';
}

/** `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]` */
function matchesLabelKey(v: string): boolean {
  if (v === '' || !isAlnum(v[0]) || !isAlnum(v[v.length - 1])) return false;
  for (const c of v) if (c !== '-' && c !== '_' && c !== '.' && !isAlnum(c)) return false;
  return true;
}

// ---- DNS names ----

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_LABEL_ERR =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
export const DNS1123_LABEL_MAX_LENGTH = 63;

const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUBDOMAIN_ERR =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
export const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;

const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const DNS1035_LABEL_ERR =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
export const DNS1035_LABEL_MAX_LENGTH = 63;

const WILDCARD_DNS1123_SUBDOMAIN_FMT = `\\*\\.${DNS1123_SUBDOMAIN_FMT}`;
const WILDCARD_DNS1123_SUBDOMAIN_ERR =
  "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character";

/** IsDNS1123Label: a DNS label (RFC 1123): container names, Namespace names, port-less names. */
export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1123_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1123_LABEL_MAX_LENGTH));
  if (!matchesDNS1123Label(value)) {
    // A valid subdomain that is not a valid label: the length is checked already, so it has dots.
    if (matchesDNS1123Subdomain(value)) errs.push('must not contain dots');
    else errs.push(regexError(DNS1123_LABEL_ERR, DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  }
  return errs;
}

/** IsDNS1123Subdomain: a DNS subdomain (RFC 1123), the name of most objects. */
export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!matchesDNS1123Subdomain(value))
    errs.push(regexError(DNS1123_SUBDOMAIN_ERR, DNS1123_SUBDOMAIN_FMT, 'example.com'));
  return errs;
}

/** IsDNS1035Label: a DNS label that starts with a letter (RFC 1035): Service names. */
export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1035_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1035_LABEL_MAX_LENGTH));
  if (!matchesDNS1035Label(value)) errs.push(regexError(DNS1035_LABEL_ERR, DNS1035_LABEL_FMT, 'my-name', 'abc-123'));
  return errs;
}

/** IsWildcardDNS1123Subdomain: `*.` followed by a DNS subdomain (Ingress hosts). */
export function isWildcardDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!(value.startsWith('*.') && matchesDNS1123Subdomain(value.slice(2))))
    errs.push(regexError(WILDCARD_DNS1123_SUBDOMAIN_ERR, WILDCARD_DNS1123_SUBDOMAIN_FMT, '*.example.com'));
  return errs;
}

// ---- label keys and values (content/kube.go) ----

const LABEL_KEY_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_KEY_ERR =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_KEY_MAX_LENGTH = 63;

const LABEL_VALUE_FMT = `(${LABEL_KEY_FMT})?`;
const LABEL_VALUE_ERR =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
export const LABEL_VALUE_MAX_LENGTH = 63;

/** content.IsDNS1123Subdomain: as isDNS1123Subdomain, with content's length wording (used for label key prefixes). */
function contentDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(contentMaxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!matchesDNS1123Subdomain(value))
    errs.push(regexError(DNS1123_SUBDOMAIN_ERR, DNS1123_SUBDOMAIN_FMT, 'example.com'));
  return errs;
}

/**
 * IsQualifiedName (content.IsLabelKey): `[prefix/]name`, the prefix a DNS subdomain, the name at most 63 of
 * letters, digits, '-', '_' and '.': label and annotation keys, appProtocol, loadBalancerClass, resource names.
 */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0];
  } else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) errs.push(`prefix part ${emptyError()}`);
    else for (const m of contentDNS1123Subdomain(prefix)) errs.push(`prefix part ${m}`);
  } else {
    return [
      `a valid label key ${regexError(LABEL_KEY_ERR, LABEL_KEY_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errs.push(`name part ${emptyError()}`);
  else if (byteLength(name) > LABEL_KEY_MAX_LENGTH) errs.push(`name part ${contentMaxLenError(LABEL_KEY_MAX_LENGTH)}`);
  if (!matchesLabelKey(name))
    errs.push(`name part ${regexError(LABEL_KEY_ERR, LABEL_KEY_FMT, 'MyName', 'my.name', '123-abc')}`);
  return errs;
}

/** IsValidLabelValue (content.IsLabelValue): empty, or at most 63 of letters, digits, '-', '_', '.', alphanumeric at both ends. */
export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > LABEL_VALUE_MAX_LENGTH) errs.push(contentMaxLenError(LABEL_VALUE_MAX_LENGTH));
  if (!(value === '' || matchesLabelKey(value)))
    errs.push(regexError(LABEL_VALUE_ERR, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  return errs;
}

// ---- ports ----

/**
 * IsValidPortName (IANA_SVC_NAME): at most 15 of [-a-z0-9], at least one letter, no '-' at either end and no
 * '--': container port names, a named targetPort, a probe's named port.
 */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (byteLength(port) > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** IsValidPortNum: 1 to 65535. */
export function isValidPortNum(port: number): string[] {
  return port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

/** IsInRange. */
export function isInRange(value: number, min: number, max: number): string[] {
  return value >= min && value <= max ? [] : [inclusiveRangeError(min, max)];
}

// ---- keys and environment variable names ----

const CONFIG_MAP_KEY_FMT = '[-._a-zA-Z0-9]+';
const CONFIG_MAP_KEY_ERR = "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";

function hasChDirPrefix(value: string): string[] {
  if (value === '.') return ["must not be '.'"];
  if (value === '..') return ["must not be '..'"];
  if (value.startsWith('..')) return ["must not start with '..'"];
  return [];
}

/** IsConfigMapKey: a key of ConfigMap/Secret data, configMapKeyRef/secretKeyRef keys. */
export function isConfigMapKey(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!/^[-._a-zA-Z0-9]+$/.test(value))
    errs.push(regexError(CONFIG_MAP_KEY_ERR, CONFIG_MAP_KEY_FMT, 'key.name', 'KEY_NAME', 'key-name'));
  errs.push(...hasChDirPrefix(value));
  return errs;
}

/** IsRelaxedEnvVarName: any printable ASCII character but '=' (env names and envFrom prefixes since 1.32). */
export function isRelaxedEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (value.length === 0) errs.push(`environment variable name ${emptyError()}`);
  for (const ch of value) {
    const c = ch.codePointAt(0)!;
    if (c > 0x7e || c < 0x20 || ch === '=') {
      errs.push("a valid environment variable name must consist only of printable ASCII characters other than '='");
      break;
    }
  }
  return errs;
}

// ---- path segment names (content/path.go, api/validation/path) ----

/** IsValidPathSegmentPrefix: no '/' or '%' (a name that becomes a URL path segment). */
export function isValidPathSegmentPrefix(name: string): string[] {
  const errs: string[] = [];
  for (const illegal of ['/', '%']) if (name.includes(illegal)) errs.push(`may not contain '${illegal}'`);
  return errs;
}

/** IsValidPathSegmentName: not '.' or '..', no '/' or '%' (RBAC roles and bindings: `system:controller:foo`). */
export function isValidPathSegmentName(name: string): string[] {
  for (const illegal of ['.', '..']) if (name === illegal) return [`may not be '${illegal}'`];
  return isValidPathSegmentPrefix(name);
}

// ---- ValidateNameFunc (api/validation/generic.go, path/name.go) ----

/** A name check of a kind: `prefix` is true for generateName (random characters are appended). */
export type ValidateNameFunc = (name: string, prefix: boolean) => string[];

/**
 * maskTrailingDash: generateName may end in '-'; Go replaces the last two bytes with `a` (sic: it drops the
 * character before the dash too) before checking.
 */
export function maskTrailingDash(name: string): string {
  if (byteLength(name) > 1 && name.endsWith('-')) return `${name.slice(0, -2)}a`;
  return name;
}

export const nameIsDNSSubdomain: ValidateNameFunc = (name, prefix) =>
  isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);
export const nameIsDNSLabel: ValidateNameFunc = (name, prefix) =>
  isDNS1123Label(prefix ? maskTrailingDash(name) : name);
export const nameIsDNS1035Label: ValidateNameFunc = (name, prefix) =>
  isDNS1035Label(prefix ? maskTrailingDash(name) : name);
export const validatePathSegmentName: ValidateNameFunc = (name, prefix) =>
  prefix ? isValidPathSegmentPrefix(name) : isValidPathSegmentName(name);

// ---- IP addresses and CIDRs (ip.go; k8s.io/utils/net ParseIPSloppy/ParseCIDRSloppy, Go's net/netip) ----

/** A parsed address: 16 bytes (IPv4 as ::ffff:a.b.c.d, as Go's net.IP), and how it was written. */
interface ParsedIP {
  bytes: Uint8Array;
  /** Written in IPv6 notation (has ':'). */
  v6: boolean;
  /** What netip.ParseAddr would refuse that the sloppy parser took: a leading 0 in an IPv4 octet, a hex group of more than 4 digits. */
  leadingZeros: boolean;
}

const BIG = 0xffffff;

/** Go's dtoi: decimal digits at the start; [value, digits read] or undefined. */
function dtoi(s: string): [number, number] | undefined {
  let n = 0;
  let i = 0;
  for (; i < s.length && s[i] >= '0' && s[i] <= '9'; i++) {
    n = n * 10 + (s.charCodeAt(i) - 48);
    if (n >= BIG) return undefined;
  }
  return i === 0 ? undefined : [n, i];
}

/** Go's xtoi: hex digits at the start. */
function xtoi(s: string): [number, number] | undefined {
  let n = 0;
  let i = 0;
  for (; i < s.length && /[0-9a-fA-F]/.test(s[i]); i++) {
    n = n * 16 + parseInt(s[i], 16);
    if (n >= BIG) return undefined;
  }
  return i === 0 ? undefined : [n, i];
}

/** Go 1.16's parseIPv4, which k8s.io/utils/net keeps: leading zeros allowed. */
function parseIPv4(s: string): { bytes: number[]; leadingZeros: boolean } | undefined {
  const p: number[] = [];
  let leadingZeros = false;
  for (let i = 0; i < 4; i++) {
    if (s.length === 0) return undefined;
    if (i > 0) {
      if (s[0] !== '.') return undefined;
      s = s.slice(1);
    }
    const d = dtoi(s);
    if (!d || d[0] > 0xff) return undefined;
    if (d[1] > 1 && s[0] === '0') leadingZeros = true;
    s = s.slice(d[1]);
    p.push(d[0]);
  }
  return s.length === 0 ? { bytes: p, leadingZeros } : undefined;
}

/** Go 1.16's parseIPv6 (no zone). */
function parseIPv6(s: string): { bytes: Uint8Array; leadingZeros: boolean } | undefined {
  const ip = new Uint8Array(16);
  let leadingZeros = false;
  let ellipsis = -1;
  if (s.length >= 2 && s[0] === ':' && s[1] === ':') {
    ellipsis = 0;
    s = s.slice(2);
    if (s.length === 0) return { bytes: ip, leadingZeros };
  }
  let i = 0;
  while (i < 16) {
    const x = xtoi(s);
    if (!x || x[0] > 0xffff) return undefined;
    const [n, c] = x;
    if (c < s.length && s[c] === '.') {
      if (ellipsis < 0 && i !== 12) return undefined;
      if (i + 4 > 16) return undefined;
      const ip4 = parseIPv4(s);
      if (!ip4) return undefined;
      ip.set(ip4.bytes, i);
      leadingZeros ||= ip4.leadingZeros;
      s = '';
      i += 4;
      break;
    }
    if (c > 4) leadingZeros = true;
    ip[i] = n >> 8;
    ip[i + 1] = n & 0xff;
    i += 2;
    s = s.slice(c);
    if (s.length === 0) break;
    if (s[0] !== ':' || s.length === 1) return undefined;
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return undefined;
      ellipsis = i;
      s = s.slice(1);
      if (s.length === 0) break;
    }
  }
  if (s.length !== 0) return undefined;
  if (i < 16) {
    if (ellipsis < 0) return undefined;
    const n = 16 - i;
    for (let j = i - 1; j >= ellipsis; j--) ip[j + n] = ip[j];
    for (let j = ellipsis + n - 1; j >= ellipsis; j--) ip[j] = 0;
  } else if (ellipsis >= 0) {
    return undefined; // an ellipsis must stand for at least one group
  }
  return { bytes: ip, leadingZeros };
}

const V4_IN_V6_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

function v4Bytes(b: number[]): Uint8Array {
  return Uint8Array.from([...V4_IN_V6_PREFIX, ...b]);
}

/** netutils.ParseIPSloppy (Go's ParseIP before 1.17): the first '.' or ':' decides the family. */
function parseIPSloppy(s: string): ParsedIP | undefined {
  for (const ch of s) {
    if (ch === '.') {
      const p = parseIPv4(s);
      return p && { bytes: v4Bytes(p.bytes), v6: false, leadingZeros: p.leadingZeros };
    }
    if (ch === ':') {
      const p = parseIPv6(s);
      return p && { bytes: p.bytes, v6: true, leadingZeros: p.leadingZeros };
    }
  }
  return undefined;
}

function isV4Mapped(b: Uint8Array): boolean {
  return V4_IN_V6_PREFIX.every((v, i) => b[i] === v);
}

/** net.IP.String(): dotted decimal for IPv4 (and IPv4-mapped), RFC 5952 for IPv6. */
function ipString(b: Uint8Array): string {
  if (isV4Mapped(b)) return Array.from(b.slice(12)).join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((b[i] << 8) | b[i + 1]);
  // The longest run of two or more zero groups (the first one on a tie) becomes '::'.
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (g: number[]) => g.map((g) => g.toString(16)).join(':');
  if (best < 0) return hex(groups);
  return `${hex(groups.slice(0, best))}::${hex(groups.slice(best + bestLen))}`;
}

const INVALID_IP = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

function parseIP(value: string, strict: boolean): { ip?: ParsedIP; errs: string[] } {
  const ip = parseIPSloppy(value);
  if (!ip) return { errs: [INVALID_IP] };
  const errs: string[] = [];
  if (strict) {
    if (ip.leadingZeros) errs.push('must not have leading 0s');
    if (ip.v6 && isV4Mapped(ip.bytes)) errs.push('must not be an IPv4-mapped IPv6 address');
  }
  return { ip, errs };
}

/**
 * IsValidIPForLegacyField: the IP fields that predate strict validation (clusterIP(s), externalIPs,
 * loadBalancerIP, hostAliases, nameservers). `strict` is the StrictIPCIDRValidation feature gate (off by
 * default): without it leading zeros and IPv4-mapped IPv6 addresses are accepted.
 */
export function isValidIPForLegacyField(value: string, strict = false): string[] {
  return parseIP(value, strict).errs;
}

/** IsValidIP: an IP address in canonical form (new fields). */
export function isValidIP(value: string): string[] {
  const { ip, errs } = parseIP(value, true);
  if (errs.length || !ip) return errs;
  const canonical = ipString(ip.bytes);
  return value === canonical ? [] : [`must be in canonical form ("${canonical}")`];
}

/** netutils.IsIPv4String: an address (sloppy parse) of the IPv4 family, IPv4-mapped IPv6 included. */
export function isIPv4String(value: string): boolean {
  const ip = parseIPSloppy(value);
  return !!ip && isV4Mapped(ip.bytes);
}

/** netutils.IsIPv6String: an address (sloppy parse) of the IPv6 family. */
export function isIPv6String(value: string): boolean {
  const ip = parseIPSloppy(value);
  return !!ip && !isV4Mapped(ip.bytes);
}

const INVALID_CIDR = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

function parseCIDR(value: string, strict: boolean): { net?: string; errs: string[] } {
  const slash = value.indexOf('/');
  if (slash < 0) return { errs: [INVALID_CIDR] };
  const addr = value.slice(0, slash);
  const mask = value.slice(slash + 1);
  // ParseCIDRSloppy: IPv4 first, then IPv6; the prefix length is all digits (leading zeros allowed).
  const p4 = parseIPv4(addr);
  const p6 = p4 ? undefined : parseIPv6(addr);
  const bytes = p4 ? v4Bytes(p4.bytes) : p6?.bytes;
  const bitsLen = p4 ? 32 : 128;
  const d = dtoi(mask);
  if (!bytes || !d || d[1] !== mask.length || d[0] > bitsLen) return { errs: [INVALID_CIDR] };
  const bits = d[0];
  const masked = Uint8Array.from(bytes);
  const total = p4 ? bits + 96 : bits;
  for (let i = 0; i < 16; i++) {
    const keep = Math.max(0, Math.min(8, total - i * 8));
    masked[i] &= (0xff << (8 - keep)) & 0xff;
  }
  const net = `${p4 ? Array.from(masked.slice(12)).join('.') : ipString(masked)}/${bits}`;
  const errs: string[] = [];
  if (strict) {
    const leading = (p4 ?? p6)!.leadingZeros || (mask.length > 1 && mask[0] === '0');
    if (leading) errs.push('must not have leading 0s in IP or prefix length');
    else if (p6 && isV4Mapped(bytes)) errs.push('must not have an IPv4-mapped IPv6 address');
    else if (masked.some((b, i) => b !== bytes[i])) errs.push('must not have bits set beyond the prefix length');
  }
  return { net, errs };
}

/**
 * IsValidCIDRForLegacyField: the CIDR fields that predate strict validation (loadBalancerSourceRanges,
 * NetworkPolicy ipBlock). Without `strict` (the StrictIPCIDRValidation gate, off by default) an
 * "interface address" such as 10.1.2.3/8 and leading zeros are accepted.
 */
export function isValidCIDRForLegacyField(value: string, strict = false): string[] {
  return parseCIDR(value, strict).errs;
}

/** IsValidCIDR: a subnet in canonical form (new fields). */
export function isValidCIDR(value: string): string[] {
  const { net, errs } = parseCIDR(value, true);
  if (errs.length || !net) return errs;
  return value === net ? [] : [`must be in canonical form ("${net}")`];
}
