/**
 * A request as the user types it (`https://books.example.com/api?q=1`, `books.example.com/api`,
 * `node:30080`). Self-contained (no outer names): the diagram page runs this same function from its source.
 */
import type { HttpRequest } from './types';

export interface RequestOptions {
  method?: string;
  /** `Name: value` pairs (names compare case-insensitively). */
  headers?: Record<string, string> | [string, string][];
}

/** Parses a URL into the request the trace follows; a string is the reason it cannot be read. */
export function parseRequest(url: string, opts?: RequestOptions): HttpRequest | string {
  const o = opts || {};
  const text = url.trim();
  if (text === '') return 'type a URL, e.g. https://shop.example.com/cart';
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(text);
  if (scheme && !/^https?$/i.test(scheme[1])) return `\`${scheme[1]}://\` is not HTTP: use http:// or https://`;
  let parsed: URL;
  try {
    // Without a scheme (`shop.example.com/cart`, `node:30080`) the request is plain HTTP.
    parsed = new URL(scheme ? text : `http://${text}`);
  } catch {
    return `\`${text}\` is not a URL`;
  }
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  if (host === '') return `\`${text}\` has no host`;
  const https = parsed.protocol === 'https:';
  const method = (o.method || 'GET').trim().toUpperCase();
  if (!/^[A-Z]+$/.test(method)) return `\`${o.method}\` is not an HTTP method`;
  const headers: Record<string, string> = {};
  const pairs = Array.isArray(o.headers) ? o.headers : Object.entries(o.headers || {});
  for (const [name, value] of pairs) {
    const n = name.trim().toLowerCase();
    if (!/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(n)) return `\`${name}\` is not a header name`;
    headers[n] = value.trim();
  }
  return {
    scheme: https ? 'https' : 'http',
    host,
    port: parsed.port ? Number(parsed.port) : https ? 443 : 80,
    path: parsed.pathname || '/',
    method,
    headers,
  };
}

/**
 * `[METHOD] URL [Name:value]...` as typed in one field (the diagram's, the editor command's), e.g.
 * `POST https://shop.example.com/cart X-Canary:yes`. Self-contained, like parseRequest.
 */
export function parseRequestLine(line: string): { url: string; method?: string; headers: [string, string][] } | string {
  const words = line
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
  let method: string | undefined;
  if (words.length > 1 && /^[A-Za-z]+$/.test(words[0]) && !/[.:/]/.test(words[0])) method = words.shift();
  const url = words.shift();
  if (url === undefined) return 'type a URL, e.g. https://shop.example.com/cart';
  const headers: [string, string][] = [];
  for (const w of words) {
    const colon = w.indexOf(':');
    if (colon <= 0) return `\`${w}\` is not a header: write Name:value`;
    headers.push([w.slice(0, colon), w.slice(colon + 1)]);
  }
  return { url, method, headers };
}

/** `Name:value` (as `--header` takes it) → a pair, or undefined when there is no name before a colon. */
export function parseHeader(text: string): [string, string] | undefined {
  const colon = text.indexOf(':');
  if (colon <= 0) return undefined;
  return [text.slice(0, colon), text.slice(colon + 1)];
}

/** The request as a URL again (`https://books.example.com/api`), with the port only when not the scheme's. */
export function requestUrl(r: Pick<HttpRequest, 'scheme' | 'host' | 'port' | 'path'>): string {
  const defaultPort = r.scheme === 'https' ? 443 : 80;
  return `${r.scheme}://${r.host}${r.port === defaultPort ? '' : `:${r.port}`}${r.path}`;
}
