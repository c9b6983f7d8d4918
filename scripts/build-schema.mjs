// Builds kubeway's offline Kubernetes schema from the type declarations of the npm package
// `kubernetes-models` (Kubernetes API definitions, with enum values restored) and
// `@kubernetes-models/apimachinery` (ObjectMeta, Quantity, IntOrString, Time, ...).
//
//   npm ci --prefix scripts/schema     # once: the two packages, kept out of the project's own dependencies
//   node scripts/build-schema.mjs [--force] [--out FILE]
//
// Output: server/src/engine/schema/generated/k8s-schema.ts, one JSON string with compact per-type field
// tables (format: server/src/engine/schema/tables.ts). The output is committed (about 0.8 MB); the test
// test/unit/schema/generated.test.ts fails when it is not what this script makes from the installed
// packages. Without --force the script does nothing when the output's stamp (generator + package versions)
// is current.
//
// The declarations are read with the TypeScript parser (syntax only): for every exported interface,
// its properties, whether they are optional, their types and their JSDoc text. kubernetes-models 5.x ships
// validators compiled to code rather than plain JSON schemas, so the .d.ts files are the readable source.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_OUT = join(ROOT, 'server/src/engine/schema/generated/k8s-schema.ts');
/** The Kubernetes release kubernetes-models@5.x is generated from (its changelog: "Update to Kubernetes v1.36.0"). */
const KUBERNETES_VERSION = '1.36.0';
const FORMAT_VERSION = 1;

/**
 * Group/versions that kubernetes-models still ships but Kubernetes 1.36 no longer serves, beyond the ones
 * the engine's REMOVED_API_VERSIONS already lists per kind. Their kinds are kept for reference but marked
 * removed (not validated, not offered for completion).
 */
const REMOVED_GROUP_VERSIONS = new Set([
  'extensions/v1beta1',
  'apps/v1beta1',
  'apps/v1beta2',
  'authentication.k8s.io/v1beta1',
  'authorization.k8s.io/v1beta1',
  'autoscaling/v2beta1',
  'autoscaling/v2beta2',
  'batch/v1beta1',
  'certificates.k8s.io/v1beta1',
  'coordination.k8s.io/v1beta1',
  'discovery.k8s.io/v1beta1',
  'events.k8s.io/v1beta1',
  'flowcontrol.apiserver.k8s.io/v1beta1',
  'flowcontrol.apiserver.k8s.io/v1beta2',
  'flowcontrol.apiserver.k8s.io/v1beta3',
  'node.k8s.io/v1beta1',
  'policy/v1beta1',
  'rbac.authorization.k8s.io/v1beta1',
  'scheduling.k8s.io/v1beta1',
  'apiextensions.k8s.io/v1beta1',
  'apiregistration.k8s.io/v1beta1',
]);

/** kubernetes-models declares apiVersion/kind of a kind without their (standard) descriptions. */
const TYPE_META = {
  apiVersion:
    'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
  kind: 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
};

/** `number` properties that are floating point in the OpenAPI definitions; every other `number` is an integer. */
const FLOAT_FIELDS = new Set(['JSONSchemaProps.maximum', 'JSONSchemaProps.minimum', 'JSONSchemaProps.multipleOf']);
/** `string` properties (or string maps) of format `byte`: base64 in JSON and YAML. */
const BYTE_FIELDS = new Set([
  'Secret.data',
  'ConfigMap.binaryData',
  'WebhookClientConfig.caBundle',
  'APIServiceSpec.caBundle',
  'CertificateSigningRequestSpec.request',
  'CertificateSigningRequestStatus.certificate',
]);
/** The compiled validators that check format `byte` (the build fails when this changes, so BYTE_FIELDS stays right). */
const BYTE_VALIDATORS =
  /^IoK8s(ApiAdmissionregistrationV1(beta1)?WebhookClientConfig|ApiCertificatesV1(beta1)?CertificateSigningRequest(Spec|Status)|ApiCoreV1ConfigMap|ApiCoreV1Secret|ApiextensionsApiserverPkgApisApiextensionsV1(beta1)?WebhookClientConfig|KubeAggregatorPkgApisApiregistrationV1(beta1)?APIServiceSpec)\.js$/;

function packageDir(require, name) {
  return dirname(require.resolve(`${name}/package.json`));
}

/** Where the inputs are and what they are, for the up-to-date check. */
function inputs() {
  // Installed on their own in scripts/schema/ (they declare Node 22; the project's own npm ci stays on Node 20).
  const require = createRequire(join(ROOT, 'scripts/schema/package.json'));
  let models;
  let machinery;
  try {
    models = packageDir(require, 'kubernetes-models');
    machinery = packageDir(require, '@kubernetes-models/apimachinery');
  } catch {
    throw new Error('build-schema: kubernetes-models is not installed: run `npm ci --prefix scripts/schema` first');
  }
  const version = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  const stamp = createHash('sha256')
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .update(
      `kubernetes-models@${version(models)} @kubernetes-models/apimachinery@${version(machinery)} format ${FORMAT_VERSION}`,
    )
    .digest('hex')
    .slice(0, 16);
  return { models, machinery, source: `kubernetes-models@${version(models)}`, stamp };
}

function dtsFiles(dir, out = []) {
  // Sorted: the output must not depend on the order the file system lists a folder in.
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  )) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== '_schemas') dtsFiles(p, out);
    } else if (e.name.endsWith('.d.ts') && e.name !== 'index.d.ts') out.push(p);
  }
  return out;
}

/** Group and version of a definition from its folder: `apps/v1` → apps, v1; `v1` → core, v1; apimachinery `apis/meta/v1` → meta, v1. */
function groupVersionOf(folder, machinery) {
  const parts = folder.split(sep).filter(Boolean);
  if (machinery) {
    if (parts[0] === 'apis') return { group: parts[1], version: parts[2] ?? '' };
    return { group: parts.join('.'), version: '' };
  }
  if (parts.length === 1) return { group: 'core', version: parts[0] };
  return { group: parts[0], version: parts[1] };
}

export async function buildSchema({ out = DEFAULT_OUT, force = false } = {}) {
  const inp = inputs();
  if (!force && existsSync(out)) {
    const head = readFileSync(out, 'utf8').slice(0, 300);
    if (head.includes(`stamp ${inp.stamp}`)) return { out, skipped: true };
  }
  const { default: ts } = await import(
    pathToFileURL(createRequire(join(ROOT, 'package.json')).resolve('typescript')).href
  );

  /** Every exported interface or type alias, by its global name (IIoK8sApiCoreV1Container). */
  const decls = new Map();
  for (const [pkgDir, machinery] of [
    [inp.models, false],
    [inp.machinery, true],
  ]) {
    for (const file of dtsFiles(pkgDir)) {
      const text = readFileSync(file, 'utf8');
      const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
      const local = new Map();
      const globalOf = new Map();
      for (const st of sf.statements) {
        if (ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) local.set(st.name.text, st);
        if (ts.isExportDeclaration(st) && st.isTypeOnly && st.exportClause && ts.isNamedExports(st.exportClause)) {
          for (const el of st.exportClause.elements) {
            const from = (el.propertyName ?? el.name).text;
            if (el.name.text.startsWith('IIoK8s')) globalOf.set(from, el.name.text);
          }
        }
      }
      const folder = relative(pkgDir, dirname(file));
      const { group, version } = groupVersionOf(folder, machinery);
      const name = file.slice(file.lastIndexOf(sep) + 1).replace(/\.d\.ts$/, '');
      for (const [localName, globalName] of globalOf) {
        const node = local.get(localName);
        if (!node) continue;
        decls.set(globalName, { node, sf, name, group, version, localGlobals: globalOf });
      }
    }
  }

  const descriptions = [];
  const descIndex = new Map();
  const desc = (text) => {
    const t = (text ?? '').trim();
    if (!t) return -1;
    let i = descIndex.get(t);
    if (i === undefined) {
      i = descriptions.length;
      descriptions.push(t);
      descIndex.set(t, i);
    }
    return i;
  };
  const jsDocOf = (node) => {
    const docs = node.jsDoc;
    if (!docs || !docs.length) return '';
    const d = docs[docs.length - 1];
    return (typeof d.comment === 'string' ? d.comment : (ts.getTextOfJSDocComment(d.comment) ?? '')).replace(
      /\r\n/g,
      '\n',
    );
  };

  const types = [];
  const typeIndex = new Map();
  const ANY = '*';

  /** The compact type code of a declaration by global name. */
  function refType(globalName, _decl) {
    const d = decls.get(globalName);
    if (!d) throw new Error(`build-schema: unknown type ${globalName}`);
    if (ts.isTypeAliasDeclaration(d.node)) {
      if (d.name === 'Quantity') return 'q';
      if (d.name === 'IntOrString') return 'io';
      if (d.name === 'Time' || d.name === 'MicroTime') return 't';
      return typeCode(d.node.type, d, '');
    }
    if (d.node.members.length === 0) return ANY; // RawExtension, JSON, FieldsV1, JSONSchemaPropsOr*: any value
    return objectType(globalName, d);
  }

  function objectType(key, d, members = d.node.members, name = d.name, description = jsDocOf(d.node)) {
    let i = typeIndex.get(key);
    if (i !== undefined) return i;
    i = types.length;
    typeIndex.set(key, i);
    const entry = [name, d.group, d.version, desc(description), []];
    types.push(entry);
    for (const m of members) {
      if (!ts.isPropertySignature(m) || !m.type) continue;
      const fieldName = ts.isStringLiteral(m.name) ? m.name.text : m.name.getText(d.sf);
      const text = jsDocOf(m) || TYPE_META[fieldName] || '';
      let code = typeCode(m.type, d, `${name}.${fieldName}`, text);
      if (code === 'i' && FLOAT_FIELDS.has(`${name}.${fieldName}`)) code = 'n';
      if (BYTE_FIELDS.has(`${name}.${fieldName}`))
        code = code === 's' ? 'by' : Array.isArray(code) && code[0] === 'm' && code[1] === 's' ? ['m', 'by'] : code;
      const flags = (m.questionToken ? 0 : 1) | (isDeprecated(text) ? 2 : 0);
      entry[4].push([fieldName, code, flags, desc(text)]);
    }
    entry[4].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return i;
  }

  function typeCode(t, d, path, text = '') {
    const K = ts.SyntaxKind;
    switch (t.kind) {
      case K.StringKeyword:
        return 's';
      case K.NumberKeyword:
        return 'i';
      case K.BooleanKeyword:
        return 'b';
      case K.AnyKeyword:
      case K.UnknownKeyword:
      case K.ObjectKeyword:
        return ANY;
      case K.LiteralType:
        if (ts.isStringLiteral(t.literal)) return 's'; // apiVersion / kind: checked by the engine, not here
        break;
      case K.UnionType: {
        if (t.types.every((u) => ts.isLiteralTypeNode(u) && ts.isStringLiteral(u.literal))) {
          return ['e', t.types.map((u) => u.literal.text)];
        }
        break;
      }
      case K.ArrayType:
        return ['a', typeCode(t.elementType, d, path)];
      case K.TypeReference: {
        const n = t.typeName.getText(d.sf);
        if (n === 'Array' && t.typeArguments?.length === 1) return ['a', typeCode(t.typeArguments[0], d, path, text)];
        const global = n.startsWith('IIoK8s') ? n : d.localGlobals.get(n);
        if (global) return refType(global, d);
        break;
      }
      case K.TypeLiteral: {
        const idx = t.members.find((m) => ts.isIndexSignatureDeclaration(m));
        if (idx) return ['m', typeCode(idx.type, d, path)];
        // An inline object (StatefulSet volumeClaimTemplates items): a type of its own.
        return objectType(
          `${path}[]`,
          d,
          t.members,
          path.split('.')[0] +
            (path.endsWith('volumeClaimTemplates') ? '.PersistentVolumeClaimTemplate' : `.${path.split('.')[1]}`),
          text,
        );
      }
      default:
        break;
    }
    throw new Error(`build-schema: unsupported type ${ts.SyntaxKind[t.kind]} at ${path}: ${t.getText(d.sf)}`);
  }

  // The kinds: interfaces whose apiVersion and kind are single string literals.
  const kinds = [];
  for (const [globalName, d] of decls) {
    if (!ts.isInterfaceDeclaration(d.node)) continue;
    const lit = (prop) => {
      const m = d.node.members.find(
        (x) => ts.isPropertySignature(x) && ts.isStringLiteral(x.name) && x.name.text === prop,
      );
      return m && m.type && ts.isLiteralTypeNode(m.type) && ts.isStringLiteral(m.type.literal)
        ? m.type.literal.text
        : undefined;
    };
    const apiVersion = lit('apiVersion');
    const kind = lit('kind');
    if (!apiVersion || !kind || kind.endsWith('List')) continue;
    kinds.push([apiVersion, kind, refType(globalName, d), REMOVED_GROUP_VERSIONS.has(apiVersion) ? 1 : 0]);
  }
  kinds.sort((a, b) => (a[0] + '/' + a[1] < b[0] + '/' + b[1] ? -1 : 1));
  checkFormats(inp);

  const data = { v: FORMAT_VERSION, k8s: KUBERNETES_VERSION, source: inp.source, d: descriptions, t: types, k: kinds };
  const json = JSON.stringify(data);
  const ts_ =
    `// Generated by scripts/build-schema.mjs from ${inp.source} (Kubernetes v${KUBERNETES_VERSION}); stamp ${inp.stamp}. Do not edit.\n` +
    `/* eslint-disable */\nexport const K8S_SCHEMA_JSON: string = ${JSON.stringify(json)};\n`;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, ts_);
  return {
    out,
    skipped: false,
    kinds: kinds.length,
    types: types.length,
    descriptions: descriptions.length,
    bytes: Buffer.byteLength(ts_),
  };
}

function isDeprecated(text) {
  return (
    /^deprecated\b|\bDEPRECATED\b|\bDeprecated[:.]|\bis deprecated\b|\bdeprecated alias\b/i.test(text) &&
    !/\bnon-deprecated\b/i.test(text.slice(0, 40))
  );
}

/** Fails the build when the compiled validators check floats or base64 anywhere FLOAT_FIELDS / BYTE_FIELDS do not know of. */
function checkFormats(inp) {
  const dir = join(inp.models, '_schemas');
  for (const f of readdirSync(dir)) {
    if (!f.endsWith('.js')) continue;
    const src = readFileSync(join(dir, f), 'utf8');
    if (src.includes('type:"number"') && !/JSONSchemaProps\.js$/.test(f))
      throw new Error(`build-schema: ${f} has floating-point fields; list them in FLOAT_FIELDS`);
    if (src.includes('formats.byte') && !BYTE_VALIDATORS.test(f))
      throw new Error(`build-schema: ${f} has base64 (format byte) fields; list them in BYTE_FIELDS`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outArg = args.indexOf('--out');
  const t0 = performance.now();
  const r = await buildSchema({
    force: args.includes('--force'),
    out: outArg >= 0 ? resolve(args[outArg + 1]) : DEFAULT_OUT,
  });
  const ms = (performance.now() - t0).toFixed(0);
  if (r.skipped) console.log(`build-schema: ${relative(ROOT, r.out)} is current`);
  else
    console.log(
      `build-schema: ${relative(ROOT, r.out)}: ${r.kinds} kinds, ${r.types} types, ${r.descriptions} descriptions, ${(r.bytes / 1024).toFixed(0)} KiB in ${ms} ms`,
    );
}
