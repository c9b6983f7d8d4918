import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../../server/src/engine';
import type { Diagnostic, TextEdit } from '../../../server/src/engine';
import { ingressPathType } from '../../../server/src/engine/rules/ingress-path-type';
import { check, ruleTable } from '../../harness';

const H = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\n';

/** The text after applying a diagnostic's fix. */
function applyFix(text: string, d: Diagnostic | undefined): string {
  assert.ok(d?.fix, 'expected a fix');
  const lines = new LineIndex(text);
  const edits = [...d.fix.edits].sort(
    (a: TextEdit, b: TextEdit) => lines.offset(b.range.start) - lines.offset(a.range.start),
  );
  let out = text;
  for (const e of edits)
    out = out.slice(0, lines.offset(e.range.start)) + e.newText + out.slice(lines.offset(e.range.end));
  return out;
}

ruleTable(ingressPathType, {
  valid: [
    {
      name: 'each pathType',
      yaml: `${H}spec:
  rules:
  - http:
      paths:
      - {path: /a, pathType: Exact, backend: {service: {name: web, port: {number: 80}}}}
      - {path: /b, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
      - {path: /c, pathType: ImplementationSpecific, backend: {service: {name: web, port: {number: 80}}}}
`,
    },
    {
      name: 'pathType from a merge key',
      yaml: `${H}spec:
  rules:
  - http:
      paths:
      - &p {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
      - <<: *p
        path: /b
`,
    },
    {
      name: 'a rule without http and a default backend only',
      yaml: `${H}spec:\n  defaultBackend: {service: {name: web, port: {number: 80}}}\n  rules: [{host: a.example.com}]\n`,
    },
    {
      name: 'v1beta1 paths without pathType are for api-version-removed',
      yaml: 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  rules:\n  - http:\n      paths:\n      - path: /\n        backend: {serviceName: web, servicePort: 80}\n',
    },
  ],
  invalid: [
    {
      name: 'missing pathType: on the path item',
      yaml: `${H}spec:
  rules:
  - http:
      paths:
      - path: /api
#       ^^^^^^^^^^ error ingress-path-type: Path \`/api\` has no \`pathType\`: networking.k8s.io/v1 requires Exact, Prefix or ImplementationSpecific (add \`pathType: Prefix\`).
        backend:
          service: {name: web, port: {number: 80}}
      - backend: {service: {name: web, port: {number: 80}}}
#       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error ingress-path-type: This path has no \`pathType\`: networking.k8s.io/v1 requires Exact, Prefix or ImplementationSpecific (add \`pathType: ImplementationSpecific\`).
      - {path: /x, backend: {service: {name: web, port: {number: 80}}}}
#       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error ingress-path-type
`,
    },
    {
      name: 'pathType written without a value',
      yaml: `${H}spec:
  rules:
  - http:
      paths:
      - path: /
        pathType:
#       ^^^^^^^^ error ingress-path-type
        backend: {service: {name: web, port: {number: 80}}}
`,
    },
    {
      name: 'wrong case and unknown values',
      yaml: `${H}spec:
  rules:
  - http:
      paths:
      - path: /
        pathType: prefix
#                 ^^^^^^ error ingress-path-type: pathType \`prefix\` must be written \`Prefix\` (the API server is case-sensitive).
        backend: {service: {name: web, port: {number: 80}}}
      - path: /
        pathType: "IMPLEMENTATIONSPECIFIC"
#                 ^^^^^^^^^^^^^^^^^^^^^^^^ error ingress-path-type: pathType \`IMPLEMENTATIONSPECIFIC\` must be written \`ImplementationSpecific\` (the API server is case-sensitive).
        backend: {service: {name: web, port: {number: 80}}}
      - path: /
        pathType: Regex
#                 ^^^^^ error ingress-path-type: Unsupported pathType \`Regex\`: use Exact, Prefix or ImplementationSpecific.
        backend: {service: {name: web, port: {number: 80}}}
      - path: /
        pathType: ""
#                 ^^ error ingress-path-type
        backend: {service: {name: web, port: {number: 80}}}
`,
    },
  ],
});

describe('rule ingress-path-type fixes', () => {
  const fix = (yaml: string, i = 0) => applyFix(yaml, check(yaml, { rules: [ingressPathType] })[i]);

  it("inserts `pathType: Prefix` after the path, at the keys' indentation", () => {
    const before = `${H}spec:\n  rules:\n  - http:\n      paths:\n      - path: /api  # the API\n        backend:\n          service: {name: web, port: {number: 80}}\n`;
    const after = `${H}spec:\n  rules:\n  - http:\n      paths:\n      - path: /api  # the API\n        pathType: Prefix\n        backend:\n          service: {name: web, port: {number: 80}}\n`;
    assert.equal(fix(before), after);
    assert.deepEqual(check(after, { rules: [ingressPathType] }), []);
  });

  it('keeps CRLF line ends', () => {
    const before = `${H}spec:\r\n  rules:\r\n  - http:\r\n      paths:\r\n      - path: /\r\n        backend: {service: {name: web, port: {number: 80}}}\r\n`;
    assert.equal(fix(before), before.replace('path: /\r\n', 'path: /\r\n        pathType: Prefix\r\n'));
  });

  it('inserts before the first key when the item has no path (ImplementationSpecific: the old default)', () => {
    const before = `${H}spec:\n  rules:\n  - http:\n      paths:\n      - backend:\n          service: {name: web, port: {number: 80}}\n`;
    assert.equal(fix(before), before.replace('- backend:', '- pathType: ImplementationSpecific\n        backend:'));
  });

  it('uses ImplementationSpecific for a regex path, which Prefix would not mean', () => {
    const before = `${H}spec:\n  rules:\n  - http:\n      paths:\n      - path: /api(/|$)(.*)\n        backend: {service: {name: web, port: {number: 80}}}\n`;
    assert.equal(fix(before), before.replace('(.*)\n', '(.*)\n        pathType: ImplementationSpecific\n'));
  });

  it('inserts before the first key when the path value spans lines', () => {
    const before = `${H}spec:\n  rules:\n  - http:\n      paths:\n      - path: >-\n          /api\n        backend: {service: {name: web, port: {number: 80}}}\n`;
    assert.equal(fix(before), before.replace('- path: >-', '- pathType: Prefix\n        path: >-'));
  });

  it('flow maps and JSON get the pair inline', () => {
    const flow = `${H}spec: {rules: [{http: {paths: [{path: /, backend: {service: {name: web, port: {number: 80}}}}]}}]}\n`;
    assert.equal(fix(flow), flow.replace('path: /,', 'path: /, pathType: Prefix,'));
    const json =
      '{"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": {"name": "w"}, "spec": {"rules": [{"http": {"paths": [{"path": "/", "backend": {"service": {"name": "w", "port": {"number": 80}}}}]}}]}}\n';
    assert.equal(fix(json), json.replace('"path": "/",', '"path": "/", "pathType": "Prefix",'));
  });

  it('fills an empty value and fixes the case', () => {
    const empty = `${H}spec:\n  rules:\n  - http:\n      paths:\n      - path: /\n        pathType:\n        backend: {service: {name: web, port: {number: 80}}}\n`;
    assert.equal(fix(empty), empty.replace('pathType:\n', 'pathType: Prefix\n'));
    const lower = `${H}spec:\n  rules:\n  - http:\n      paths:\n      - path: /\n        pathType: exact\n        backend: {service: {name: web, port: {number: 80}}}\n`;
    assert.equal(fix(lower), lower.replace('exact', 'Exact'));
  });

  it('offers no fix for a path item brought in by an alias', () => {
    const yaml = `${H}spec:\n  rules:\n  - http:\n      paths:\n      - &p {path: /a, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}\n      - <<: *p\n        pathType: Bad\n`;
    const ds = check(yaml, { rules: [ingressPathType] });
    assert.equal(ds.length, 1);
    assert.ok(!ds[0].fix);
  });
});
