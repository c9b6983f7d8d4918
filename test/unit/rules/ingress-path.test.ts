import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ingressPath } from '../../../server/src/engine/rules/ingress-path';
import { check, ruleTable } from '../../harness';

const H = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\n';
const B = 'backend: {service: {name: web, port: {number: 80}}}';

ruleTable(ingressPath, {
  valid: [
    {
      name: 'absolute paths; ImplementationSpecific may be empty or a regex',
      yaml: `${H}spec:
  rules:
  - http:
      paths:
      - {path: /, pathType: Prefix, ${B}}
      - {path: /api/v1/, pathType: Prefix, ${B}}
      - {path: /.well-known/acme-challenge, pathType: Exact, ${B}}
      - {path: /a..b/c., pathType: Exact, ${B}}
      - {path: "/tf(/|$)(.*)", pathType: Prefix, ${B}}
      - {pathType: ImplementationSpecific, ${B}}
      - {path: "", pathType: ImplementationSpecific, ${B}}
      - {path: "/api//x", pathType: ImplementationSpecific, ${B}}
`,
    },
    {
      name: 'a path with a missing or wrong pathType is left to ingress-path-type',
      yaml: `${H}spec:\n  rules:\n  - http:\n      paths:\n      - {path: api, ${B}}\n      - {path: api, pathType: Regex, ${B}}\n`,
    },
    {
      name: 'a quoted path and an aliased one',
      yaml: `${H}spec:\n  rules:\n  - http:\n      paths:\n      - {path: &p "/shop", pathType: Prefix, ${B}}\n      - {path: *p, pathType: Exact, ${B}}\n`,
    },
  ],
  invalid: [
    {
      name: 'Exact and Prefix paths must be absolute',
      yaml: `${H}spec:
  rules:
  - http:
      paths:
      - path: api
#             ^^^ error ingress-path: Path \`api\` is not valid for pathType Prefix: it must start with \`/\`.
        pathType: Prefix
        ${B}
      - path: "*"
#             ^^^ error ingress-path: Path \`*\` is not valid for pathType Exact: it must start with \`/\`.
        pathType: Exact
        ${B}
`,
    },
    {
      name: 'Exact and Prefix need a path',
      yaml: `${H}spec:
  rules:
  - http:
      paths:
      - pathType: Prefix
#       ^^^^^^^^^^^^^^^^ error ingress-path: pathType Prefix needs a \`path\` that starts with \`/\`: add \`path: /\` to match every path.
        ${B}
      - path: ""
#             ^^ error ingress-path: pathType Exact needs a \`path\` that starts with \`/\`: add \`path: /\` to match only \`/\`.
        pathType: Exact
        ${B}
      - path:
#       ^^^^ error ingress-path
        pathType: Prefix
        ${B}
`,
    },
    {
      name: 'sequences and endings the API server rejects',
      yaml: `${H}spec:
  rules:
  - http:
      paths:
      - {path: /a//b, pathType: Prefix, ${B}}
#              ^^^^^ error ingress-path: Path \`/a//b\` is not valid for pathType Prefix: it must not contain \`//\`.
      - {path: /a/./b, pathType: Prefix, ${B}}
#              ^^^^^^ error ingress-path: Path \`/a/./b\` is not valid for pathType Prefix: it must not contain \`/./\`.
      - {path: /a/../b, pathType: Exact, ${B}}
#              ^^^^^^^ error ingress-path
      - {path: /a%2fb, pathType: Exact, ${B}}
#              ^^^^^^ error ingress-path: Path \`/a%2fb\` is not valid for pathType Exact: it must not contain \`%2f\`.
      - {path: /a%2Fb, pathType: Exact, ${B}}
#              ^^^^^^ error ingress-path
      - {path: /a/.., pathType: Prefix, ${B}}
#              ^^^^^ error ingress-path: Path \`/a/..\` is not valid for pathType Prefix: it must not end with \`/..\`.
      - {path: /a/., pathType: Prefix, ${B}}
#              ^^^^ error ingress-path: Path \`/a/.\` is not valid for pathType Prefix: it must not end with \`/.\`.
      - {path: a//b/.., pathType: Prefix, ${B}}
#              ^^^^^^^ error ingress-path: Path \`a//b/..\` is not valid for pathType Prefix: it must start with \`/\`, must not contain \`//\` and must not end with \`/..\`.
`,
    },
    {
      name: 'ImplementationSpecific paths, when set, are absolute',
      yaml: `${H}spec:
  rules:
  - http:
      paths:
      - path: api
#             ^^^ error ingress-path: Path \`api\` must start with \`/\` (an ImplementationSpecific path, when set, is absolute).
        pathType: ImplementationSpecific
        ${B}
`,
    },
  ],
});

describe('rule ingress-path fixes', () => {
  const fixes = (yaml: string) => check(yaml, { rules: [ingressPath] }).map((d) => d.fix?.edits.map((e) => e.newText));
  it('prefixes `/` when that makes the path valid', () => {
    assert.deepEqual(
      fixes(
        `${H}spec:\n  rules:\n  - http:\n      paths:\n      - {path: api, pathType: Prefix, ${B}}\n      - {path: "api", pathType: ImplementationSpecific, ${B}}\n`,
      ),
      [['/api'], ['"/api"']],
    );
  });
  it('adds `path: /` when the path is missing or empty', () => {
    assert.deepEqual(
      fixes(
        `${H}spec:\n  rules:\n  - http:\n      paths:\n      - pathType: Prefix\n        ${B}\n      - path:\n        pathType: Prefix\n        ${B}\n`,
      ),
      [['path: /\n        '], [' /']],
    );
  });
  it('offers no fix where the intended path is unclear', () => {
    assert.deepEqual(
      fixes(
        `${H}spec:\n  rules:\n  - http:\n      paths:\n      - {path: /a//b, pathType: Prefix, ${B}}\n      - {path: a/.., pathType: Prefix, ${B}}\n`,
      ),
      [undefined, undefined],
    );
  });
});
