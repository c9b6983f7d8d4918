/**
 * The Kubernetes CEL extension functions (k8s.io/apiserver/pkg/cel/library: lists, regex, urls, quantity,
 * ip, cidr, sets) for @bufbuild/cel. cel-go's strings extension comes with @bufbuild/cel itself.
 *
 * IP, CIDR, URL and Quantity values are opaque types in Kubernetes; here they are maps with one marker key
 * (`@ip`, `@cidr`, `@url`, `@quantity`), which is enough for the methods below and for `==`.
 */
import {
  CelScalar,
  celFunc,
  celList,
  celMap,
  celMethod,
  isCelList,
  isCelMap,
  isCelUint,
  listType,
  mapType,
} from '@bufbuild/cel';
import type { CelFunc, CelList, CelMap, CelValue } from '@bufbuild/cel';
import { RE2JS } from '@bufbuild/re2';
import { isQuantity } from '../schema/quantity';

const { STRING, INT, BOOL, DYN, DOUBLE } = CelScalar;
const LIST = listType(DYN);
const MAP = mapType(STRING, DYN);

// ---- IP addresses, as Go's netip.ParseAddr (no zones; IPv4 without leading zeros) ----

/** The 4 or 16 bytes of an IP address, or undefined. */
export function parseIP(s: string): Uint8Array | undefined {
  if (s.includes('.') && !s.includes(':')) return parseIPv4(s);
  if (!s.includes(':') || s.includes('%')) return undefined;
  return parseIPv6(s);
}

function parseIPv4(s: string): Uint8Array | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const p = parts[i];
    if (!/^\d{1,3}$/.test(p) || (p.length > 1 && p[0] === '0')) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    out[i] = n;
  }
  return out;
}

function parseIPv6(s: string): Uint8Array | undefined {
  let text = s;
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    // An embedded IPv4 address is its two last 16-bit groups.
    const v4 = parseIPv4(text.slice(lastColon + 1));
    if (!v4) return undefined;
    text = `${text.slice(0, lastColon + 1)}${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (h: string): number[] | undefined => {
    if (h === '') return [];
    const out: number[] = [];
    for (const g of h.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !rest) return undefined;
  const total = head.length + rest.length;
  let words: number[];
  if (halves.length === 2) {
    if (total > 7) return undefined;
    words = [...head, ...new Array<number>(8 - total).fill(0), ...rest];
  } else {
    if (total !== 8) return undefined;
    words = head;
  }
  const out = new Uint8Array(16);
  words.forEach((w, i) => {
    out[2 * i] = w >> 8;
    out[2 * i + 1] = w & 255;
  });
  return out;
}

/** Kubernetes' `isIP` refuses IPv4-mapped IPv6 addresses (`::ffff:1.2.3.4`). */
function isMapped(b: Uint8Array): boolean {
  return b.length === 16 && b.slice(0, 10).every((x) => x === 0) && b[10] === 255 && b[11] === 255;
}

function strictIP(s: string): Uint8Array | undefined {
  const b = parseIP(s);
  return b && !isMapped(b) ? b : undefined;
}

function parseCIDR(s: string): { ip: Uint8Array; bits: number } | undefined {
  const slash = s.indexOf('/');
  if (slash < 0) return undefined;
  const ip = strictIP(s.slice(0, slash));
  const bitsText = s.slice(slash + 1);
  if (!ip || !/^\d{1,3}$/.test(bitsText) || (bitsText.length > 1 && bitsText[0] === '0')) return undefined;
  const bits = Number(bitsText);
  return bits <= ip.length * 8 ? { ip, bits } : undefined;
}

function contains(net: { ip: Uint8Array; bits: number }, ip: Uint8Array, bits: number): boolean {
  if (ip.length !== net.ip.length || bits < net.bits) return false;
  for (let i = 0; i < net.bits; i++) {
    const byte = i >> 3;
    const mask = 0x80 >> (i & 7);
    if ((ip[byte] & mask) !== (net.ip[byte] & mask)) return false;
  }
  return true;
}

function formatIP(b: Uint8Array): string {
  if (b.length === 4) return [...b].join('.');
  const words = Array.from({ length: 8 }, (_, i) => (b[2 * i] << 8) | b[2 * i + 1]);
  // The longest run of zero words (two or more) becomes `::`.
  let best = -1,
    bestLen = 1;
  for (let i = 0; i < 8;) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = words.map((w) => w.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

function masked(ip: Uint8Array, bits: number): Uint8Array {
  const out = new Uint8Array(ip);
  for (let i = bits; i < out.length * 8; i++) out[i >> 3] &= ~(0x80 >> (i & 7));
  return out;
}

// ---- opaque values ----

function opaque(tag: string, text: string): CelMap {
  return celMap(new Map([[tag, text]]));
}

function tagged(v: CelValue, tag: string): string | undefined {
  if (!isCelMap(v)) return undefined;
  const t = v.get(tag);
  return typeof t === 'string' ? t : undefined;
}

function fail(message: string): never {
  throw new Error(message);
}

const ipOf = (m: CelMap): Uint8Array => strictIP(tagged(m, '@ip') ?? '') ?? fail('not an IP');
const cidrOf = (m: CelMap) => parseCIDR(tagged(m, '@cidr') ?? '') ?? fail('not a CIDR');

// ---- URLs, as Go's url.Parse for an absolute URI or an absolute path ----

function parseURL(s: string): URL | undefined {
  if (s === '' || /\s/.test(s)) return undefined;
  try {
    return s.startsWith('/') ? new URL(s, 'http://placeholder.invalid') : new URL(s);
  } catch {
    return undefined;
  }
}

function urlOf(m: CelMap): { url: URL; relative: boolean } {
  const text = tagged(m, '@url') ?? '';
  const url = parseURL(text) ?? fail('not a URL');
  return { url, relative: text.startsWith('/') };
}

// ---- quantities ----

const SUFFIX: Record<string, number> = {
  '': 1,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** A quantity's value as a float (exact enough for comparing resource amounts). */
export function quantityValue(s: string): number {
  const m = /^([-+]?[0-9.]+)([a-zA-Z]*|[eE][-+]?\d+)$/.exec(s) ?? fail('not a quantity');
  const n = Number(m[1]);
  const suffix = m[2];
  if (suffix in SUFFIX) return n * SUFFIX[suffix];
  if (/^[eE][-+]?\d+$/.test(suffix)) return n * 10 ** Number(suffix.slice(1));
  return fail('not a quantity');
}

const qOf = (m: CelMap): number => quantityValue(tagged(m, '@quantity') ?? fail('not a quantity'));

function num(v: CelValue): number {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') return v;
  if (isCelUint(v)) return Number(v.value);
  return fail('not a number');
}

function compare(a: CelValue, b: CelValue): number {
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  const x = num(a);
  const y = num(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function items(l: CelList): CelValue[] {
  return [...l];
}

function equal(a: CelValue, b: CelValue): boolean {
  if (typeof a === 'bigint' || typeof a === 'number')
    return (typeof b === 'bigint' || typeof b === 'number') && Number(a) === Number(b);
  if (isCelList(a) && isCelList(b))
    return a.size === b.size && items(a).every((x, i) => equal(x, b.get(i) as CelValue));
  if (isCelMap(a) && isCelMap(b)) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a.entries()) {
      const w = b.get(k);
      if (w === undefined || !equal(v, w)) return false;
    }
    return true;
  }
  return a === b;
}

/**
 * `find`/`findAll`: RE2JS answers only whether a pattern matches, so the matches come from a JS RegExp with
 * the same meaning (RE2 syntax is a subset of it but for leading `(?flags)`, turned into RegExp flags).
 */
function findAll(s: string, pattern: string, limit: number): string[] {
  RE2JS.compile(pattern); // throws on what RE2 refuses, as Kubernetes does
  const m = /^\(\?([imsU]+)\)/.exec(pattern);
  const flags =
    'gu' + (m?.[1].includes('i') ? 'i' : '') + (m?.[1].includes('s') ? 's' : '') + (m?.[1].includes('m') ? 'm' : '');
  const re = new RegExp(m ? pattern.slice(m[0].length) : pattern, flags);
  const out: string[] = [];
  for (const x of s.matchAll(re)) {
    if (limit >= 0 && out.length >= limit) break;
    out.push(x[0]);
  }
  return out;
}

export const KUBERNETES_CEL_LIBRARY: CelFunc[] = [
  // lists
  celMethod('isSorted', LIST, [], BOOL, function () {
    const a = items(this);
    return a.every((x, i) => i === 0 || compare(a[i - 1], x) <= 0);
  }),
  celMethod('sum', LIST, [], DYN, function () {
    const a = items(this);
    if (a.length === 0) return 0n;
    if (a.every((x) => typeof x === 'bigint')) return (a as bigint[]).reduce((s, x) => s + x, 0n);
    return a.reduce<number>((s, x) => s + num(x), 0);
  }),
  celMethod('min', LIST, [], DYN, function () {
    const a = items(this);
    if (!a.length) fail('min of an empty list');
    return a.reduce((m, x) => (compare(x, m) < 0 ? x : m));
  }),
  celMethod('max', LIST, [], DYN, function () {
    const a = items(this);
    if (!a.length) fail('max of an empty list');
    return a.reduce((m, x) => (compare(x, m) > 0 ? x : m));
  }),
  celMethod('indexOf', LIST, [DYN], INT, function (x) {
    return BigInt(items(this).findIndex((y) => equal(x, y)));
  }),
  celMethod('lastIndexOf', LIST, [DYN], INT, function (x) {
    const a = items(this);
    for (let i = a.length - 1; i >= 0; i--) if (equal(x, a[i])) return BigInt(i);
    return -1n;
  }),
  // regex
  celMethod('find', STRING, [STRING], STRING, function (p) {
    return findAll(this, p, 1)[0] ?? '';
  }),
  celMethod('findAll', STRING, [STRING], LIST, function (p) {
    return findAll(this, p, -1);
  }),
  celMethod('findAll', STRING, [STRING, INT], LIST, function (p, n) {
    return findAll(this, p, Number(n));
  }),
  // sets
  celFunc('sets.contains', [LIST, LIST], BOOL, (a, b) => items(b).every((x) => items(a).some((y) => equal(x, y)))),
  celFunc(
    'sets.equivalent',
    [LIST, LIST],
    BOOL,
    (a, b) =>
      items(b).every((x) => items(a).some((y) => equal(x, y))) &&
      items(a).every((x) => items(b).some((y) => equal(x, y))),
  ),
  celFunc('sets.intersects', [LIST, LIST], BOOL, (a, b) => items(a).some((x) => items(b).some((y) => equal(x, y)))),
  // ip
  celFunc('isIP', [STRING], BOOL, (s) => strictIP(s) !== undefined),
  celFunc('ip', [STRING], MAP, (s) => (strictIP(s) ? opaque('@ip', s) : fail(`IP Address '${s}' parse error`))),
  celFunc('ip.isCanonical', [STRING], BOOL, (s) => {
    const b = strictIP(s) ?? fail(`IP Address '${s}' parse error`);
    return formatIP(b) === s;
  }),
  celMethod('family', MAP, [], INT, function () {
    return ipOf(this).length === 4 ? 4n : 6n;
  }),
  celMethod('isUnspecified', MAP, [], BOOL, function () {
    return ipOf(this).every((x) => x === 0);
  }),
  celMethod('isLoopback', MAP, [], BOOL, function () {
    const b = ipOf(this);
    return b.length === 4 ? b[0] === 127 : b.slice(0, 15).every((x) => x === 0) && b[15] === 1;
  }),
  celMethod('isLinkLocalMulticast', MAP, [], BOOL, function () {
    const b = ipOf(this);
    return b.length === 4 ? b[0] === 224 && b[1] === 0 && b[2] === 0 : b[0] === 0xff && (b[1] & 0x0f) === 0x02;
  }),
  celMethod('isLinkLocalUnicast', MAP, [], BOOL, function () {
    const b = ipOf(this);
    return b.length === 4 ? b[0] === 169 && b[1] === 254 : b[0] === 0xfe && (b[1] & 0xc0) === 0x80;
  }),
  celMethod('isGlobalUnicast', MAP, [], BOOL, function () {
    const b = ipOf(this);
    if (b.every((x) => x === 0)) return false;
    if (b.length === 4)
      return !(b[0] === 127 || b[0] >= 224 || (b[0] === 169 && b[1] === 254) || b.every((x) => x === 255));
    return !(
      (b.slice(0, 15).every((x) => x === 0) && b[15] === 1) ||
      b[0] === 0xff ||
      (b[0] === 0xfe && (b[1] & 0xc0) === 0x80)
    );
  }),
  // cidr
  celFunc('isCIDR', [STRING], BOOL, (s) => parseCIDR(s) !== undefined),
  celFunc('cidr', [STRING], MAP, (s) =>
    parseCIDR(s) ? opaque('@cidr', s) : fail(`network address parse error during conversion from string: '${s}'`),
  ),
  celMethod('containsIP', MAP, [STRING], BOOL, function (s) {
    const ip = strictIP(s) ?? fail(`IP Address '${s}' parse error`);
    return contains(cidrOf(this), ip, ip.length * 8);
  }),
  celMethod('containsIP', MAP, [MAP], BOOL, function (m) {
    const ip = ipOf(m);
    return contains(cidrOf(this), ip, ip.length * 8);
  }),
  celMethod('containsCIDR', MAP, [STRING], BOOL, function (s) {
    const c = parseCIDR(s) ?? fail(`network address parse error during conversion from string: '${s}'`);
    return contains(cidrOf(this), c.ip, c.bits);
  }),
  celMethod('containsCIDR', MAP, [MAP], BOOL, function (m) {
    const c = cidrOf(m);
    return contains(cidrOf(this), c.ip, c.bits);
  }),
  celMethod('prefixLength', MAP, [], INT, function () {
    return BigInt(cidrOf(this).bits);
  }),
  celMethod('ip', MAP, [], MAP, function () {
    return opaque('@ip', formatIP(cidrOf(this).ip));
  }),
  celMethod('masked', MAP, [], MAP, function () {
    const c = cidrOf(this);
    return opaque('@cidr', `${formatIP(masked(c.ip, c.bits))}/${c.bits}`);
  }),
  // url
  celFunc('isURL', [STRING], BOOL, (s) => parseURL(s) !== undefined),
  celFunc('url', [STRING], MAP, (s) =>
    parseURL(s) ? opaque('@url', s) : fail(`URL parse error during conversion from string: ${s}`),
  ),
  celMethod('getScheme', MAP, [], STRING, function () {
    const u = urlOf(this);
    return u.relative ? '' : u.url.protocol.replace(/:$/, '');
  }),
  celMethod('getHost', MAP, [], STRING, function () {
    const u = urlOf(this);
    return u.relative ? '' : u.url.host;
  }),
  celMethod('getHostname', MAP, [], STRING, function () {
    const u = urlOf(this);
    return u.relative ? '' : u.url.hostname.replace(/^\[(.*)\]$/, '$1');
  }),
  celMethod('getPort', MAP, [], STRING, function () {
    const u = urlOf(this);
    return u.relative ? '' : u.url.port;
  }),
  celMethod('getEscapedPath', MAP, [], STRING, function () {
    return urlOf(this).url.pathname;
  }),
  celMethod('getQuery', MAP, [], MAP, function () {
    const q = new Map<string, string[]>();
    for (const [k, v] of urlOf(this).url.searchParams) {
      const l = q.get(k);
      if (l) l.push(v);
      else q.set(k, [v]);
    }
    return celMap(new Map([...q].map(([k, v]) => [k, celList(v)])));
  }),
  // quantity
  celFunc('isQuantity', [STRING], BOOL, (s) => isQuantity(s)),
  celFunc('quantity', [STRING], MAP, (s) =>
    isQuantity(s) ? opaque('@quantity', s) : fail(`quantities must match the regular expression: ${s}`),
  ),
  celMethod('sign', MAP, [], INT, function () {
    const v = qOf(this);
    return v > 0 ? 1n : v < 0 ? -1n : 0n;
  }),
  celMethod('isInteger', MAP, [], BOOL, function () {
    return Number.isInteger(qOf(this));
  }),
  celMethod('asInteger', MAP, [], INT, function () {
    const v = qOf(this);
    if (!Number.isInteger(v)) fail('cannot convert value to integer');
    return BigInt(v);
  }),
  celMethod('asApproximateFloat', MAP, [], DOUBLE, function () {
    return qOf(this);
  }),
  celMethod('isGreaterThan', MAP, [MAP], BOOL, function (o) {
    return qOf(this) > qOf(o);
  }),
  celMethod('isLessThan', MAP, [MAP], BOOL, function (o) {
    return qOf(this) < qOf(o);
  }),
  celMethod('compareTo', MAP, [MAP], INT, function (o) {
    const a = qOf(this),
      b = qOf(o);
    return a < b ? -1n : a > b ? 1n : 0n;
  }),
  celMethod('add', MAP, [MAP], MAP, function (o) {
    return opaque('@quantity', String(qOf(this) + qOf(o)));
  }),
  celMethod('add', MAP, [INT], MAP, function (n) {
    return opaque('@quantity', String(qOf(this) + Number(n)));
  }),
  celMethod('sub', MAP, [MAP], MAP, function (o) {
    return opaque('@quantity', String(qOf(this) - qOf(o)));
  }),
  celMethod('sub', MAP, [INT], MAP, function (n) {
    return opaque('@quantity', String(qOf(this) - Number(n)));
  }),
];
