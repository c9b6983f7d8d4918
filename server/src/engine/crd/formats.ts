/**
 * The string formats a CRD schema's `format` validates (the list of JSONSchemaProps.format in
 * apiextensions.k8s.io/v1, checked by kube-openapi's strfmt registry); unknown formats check nothing.
 */
import { parseIP } from './celLibrary';

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const UUID3 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const UUID4 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i;
const UUID5 = /^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i;
/** kube-openapi strfmt's HostnamePattern (RFC 1034 labels; digits, symbols and letters of any script). */
const HOSTNAME =
  /^([a-zA-Z0-9\p{S}\p{L}]((-?[a-zA-Z0-9\p{S}\p{L}]{0,62})?)|([a-zA-Z0-9\p{S}\p{L}](([a-zA-Z0-9-\p{S}\p{L}]{0,61}[a-zA-Z0-9\p{S}\p{L}])?)(\.)){1,}([a-zA-Z0-9\p{S}\p{L}])(-?[a-zA-Z0-9\p{S}\p{L}]){1,62})$/u;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** RFC 3339 date-time, as strfmt.ParseDateTime's layouts accept it. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:?\d{2})?$/;
/** Go's time.ParseDuration (`1h30m`, `-1.5s`), or strfmt's `<number> <unit>` (`22 ns`, `3 days`). */
const GO_DURATION = /^[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$|^[-+]?0$/;
const UNIT_DURATION =
  /^\d+\s*(ns|us|µs|ms|s|m|h|d|w|nanoseconds?|microseconds?|milliseconds?|seconds?|sec|minutes?|mins?|hours?|hrs?|days?|weeks?)$/i;
const MAC =
  /^([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}$|^([0-9a-fA-F]{2}[:-]){7}[0-9a-fA-F]{2}$|^([0-9a-fA-F]{2}[:-]){19}[0-9a-fA-F]{2}$|^([0-9a-fA-F]{4}\.){2}[0-9a-fA-F]{4}$|^([0-9a-fA-F]{4}\.){3}[0-9a-fA-F]{4}$|^([0-9a-fA-F]{4}\.){9}[0-9a-fA-F]{4}$/;

function validDate(s: string): boolean {
  const [y, m, d] = s.slice(0, 10).split('-').map(Number);
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

function isCIDR(s: string): boolean {
  const slash = s.indexOf('/');
  if (slash < 0) return false;
  const ip = parseIP(s.slice(0, slash));
  const bits = s.slice(slash + 1);
  return !!ip && /^\d{1,3}$/.test(bits) && Number(bits) <= ip.length * 8;
}

/** govalidator.IsRequestURI, Go's url.ParseRequestURI: an absolute URI (with a scheme) or an absolute path. */
function isRequestURI(s: string): boolean {
  if (s === '' || /[\s\x00-\x1f]/.test(s)) return false;
  if (s.startsWith('/')) return true;
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(s);
}

/** Why a string does not have a format (the end of a sentence), or undefined. */
export function formatProblem(format: string, v: string): string | undefined {
  let ok: boolean;
  switch (format) {
    case 'bsonobjectid':
      ok = /^[0-9a-fA-F]{24}$/.test(v);
      break;
    case 'uri':
      ok = isRequestURI(v);
      break;
    case 'email':
      ok = /^[^@\s<>]+@[^@\s<>]+$/.test(v);
      break;
    case 'hostname':
      ok =
        HOSTNAME.test(v) &&
        new TextEncoder().encode(v).length <= 255 &&
        v.split('.').every((l) => new TextEncoder().encode(l).length <= 63);
      break;
    // govalidator's IsIPv4/IsIPv6/IsCIDR: Go's net.ParseIP / ParseCIDR, told apart by '.' or ':'.
    case 'ipv4':
      ok = parseIP(v) !== undefined && v.includes('.');
      break;
    case 'ipv6':
      ok = parseIP(v) !== undefined && v.includes(':');
      break;
    case 'cidr':
      ok = isCIDR(v);
      break;
    case 'mac':
      ok = MAC.test(v);
      break;
    case 'uuid':
      ok = UUID.test(v);
      break;
    case 'uuid3':
      ok = UUID3.test(v);
      break;
    case 'uuid4':
      ok = UUID4.test(v);
      break;
    case 'uuid5':
      ok = UUID5.test(v);
      break;
    case 'hexcolor':
      ok = /^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(v);
      break;
    case 'date':
      ok = DATE.test(v) && validDate(v);
      break;
    case 'datetime':
    case 'date-time':
      ok = DATE_TIME.test(v) && validDate(v);
      break;
    case 'duration':
      ok = GO_DURATION.test(v) || UNIT_DURATION.test(v);
      break;
    default:
      return undefined;
  }
  return ok ? undefined : `must be of format \`${format}\`: \`${v}\` is not.`;
}
