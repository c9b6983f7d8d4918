import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../../server/src/engine';
import type { Diagnostic } from '../../../server/src/engine';
import { ALL_RULES } from '../../../server/src/engine/rules/registry';
import { ingressLegacyBackend } from '../../../server/src/engine/rules/ingress-legacy-backend';
import { check, ruleTable } from '../../harness';

const H = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\n';

function applyFix(text: string, d: Diagnostic | undefined): string {
  assert.ok(d?.fix, 'expected a fix');
  const lines = new LineIndex(text);
  const edits = [...d.fix.edits].sort((a, b) => lines.offset(b.range.start) - lines.offset(a.range.start));
  let out = text;
  for (const e of edits)
    out = out.slice(0, lines.offset(e.range.start)) + e.newText + out.slice(lines.offset(e.range.end));
  return out;
}

ruleTable(ingressLegacyBackend, {
  valid: [
    {
      name: 'v1 backends',
      yaml: `${H}spec:\n  defaultBackend: {service: {name: web, port: {number: 80}}}\n  rules:\n  - http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {name: http}}}}]}\n`,
    },
    {
      name: 'the v1beta1 API itself (api-version-removed reports it)',
      yaml: 'apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  backend: {serviceName: web, servicePort: 80}\n',
    },
  ],
  invalid: [
    {
      name: 'serviceName and servicePort in a path backend (flow): one finding on each field',
      yaml: `${H}spec:
  rules:
  - http:
      paths:
      - path: /
        pathType: Prefix
        backend: {serviceName: web, servicePort: 80}
#                 ^^^^^^^^^^^ error ingress-legacy-backend: \`serviceName\` is a v1beta1 backend field, not part of networking.k8s.io/v1, which names the Service in \`service.name\`: write \`service: {name: web, port: {number: 80}}\`.
#                                   ^^^^^^^^^^^ error ingress-legacy-backend: \`servicePort\` is a v1beta1 backend field, not part of networking.k8s.io/v1, which names the port in \`service.port.number\`: write \`service: {name: web, port: {number: 80}}\`.
`,
      fixed: `${H}spec:\n  rules:\n  - http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend: {service: {name: web, port: {number: 80}}}\n`,
    },
    {
      name: 'a named servicePort, alone',
      yaml: `${H}spec:
  defaultBackend:
    servicePort: http
#   ^^^^^^^^^^^ error ingress-legacy-backend: \`servicePort\` is a v1beta1 backend field, not part of networking.k8s.io/v1, which names the port in \`service.port.name\`: write \`service: {name: <service>, port: {name: http}}\`.
`,
    },
    {
      name: 'spec.backend: the v1beta1 name of defaultBackend, and its fields',
      yaml: `${H}spec:
  backend:
# ^^^^^^^ error ingress-legacy-backend: \`spec.backend\` is the v1beta1 name of the default backend: networking.k8s.io/v1 calls it \`defaultBackend\`.
    service: {name: web, port: {number: 80}}
---
${H}spec:
  defaultBackend: {service: {name: web, port: {number: 80}}}
  backend: {serviceName: web}
# ^^^^^^^ error ingress-legacy-backend: \`spec.backend\` is the v1beta1 name of \`spec.defaultBackend\`, which is already set: remove \`backend\`.
#           ^^^^^^^^^^^ error ingress-legacy-backend: \`serviceName\` is a v1beta1 backend field, not part of networking.k8s.io/v1, which names the Service in \`service.name\`: write \`service: {name: web, port: {number: <port>}}\`.
`,
    },
  ],
});

describe('rule ingress-legacy-backend', () => {
  it('reports each field of a block backend and rewrites both in v1 form', () => {
    const before = `${H}spec:\n  rules:\n  - http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          serviceName: web\n          servicePort: 8080\n`;
    const [d, e, ...rest] = check(before, { rules: [ingressLegacyBackend] });
    assert.equal(rest.length, 0);
    assert.deepEqual(
      [d.range, e.range],
      [
        { start: { line: 10, character: 10 }, end: { line: 10, character: 21 } },
        { start: { line: 11, character: 10 }, end: { line: 11, character: 21 } },
      ],
    );
    // Both findings offer the same rewrite, of both lines.
    assert.deepEqual(e.fix, d.fix);
    assert.deepEqual(d.fix!.edits[0].range, { start: { line: 10, character: 10 }, end: { line: 11, character: 27 } });
    const after = applyFix(before, d);
    assert.equal(
      after,
      `${H}spec:\n  rules:\n  - http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service: {name: web, port: {number: 8080}}\n`,
    );
    // The rewritten Ingress is clean for every rule (no Service in the set: only the reference warning).
    assert.deepEqual(
      check(after, { rules: ALL_RULES }).map((x) => x.code),
      ['ingress-service-missing'],
    );
  });

  it('rewrites a named or quoted port and JSON', () => {
    const named = `${H}spec:\n  defaultBackend: {servicePort: http, serviceName: web}\n`;
    assert.equal(
      applyFix(named, check(named, { rules: [ingressLegacyBackend] })[0]),
      `${H}spec:\n  defaultBackend: {service: {name: web, port: {name: http}}}\n`,
    );
    const quoted = `${H}spec:\n  defaultBackend: {serviceName: "web", servicePort: "80"}\n`;
    assert.equal(
      applyFix(quoted, check(quoted, { rules: [ingressLegacyBackend] })[0]),
      `${H}spec:\n  defaultBackend: {service: {name: web, port: {number: 80}}}\n`,
    );
    const json =
      '{"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": {"name": "w"}, "spec": {"defaultBackend": {"serviceName": "w", "servicePort": 80}}}\n';
    assert.equal(
      applyFix(json, check(json, { rules: [ingressLegacyBackend] })[0]),
      json.replace('"serviceName": "w", "servicePort": 80', '"service": {"name": "w", "port": {"number": 80}}'),
    );
  });

  it('renames spec.backend, then rewrites its fields', () => {
    const before = `${H}spec:\n  backend:\n    serviceName: web\n    servicePort: 80\n`;
    const ds = check(before, { rules: [ingressLegacyBackend] });
    assert.equal(ds.length, 3);
    const renamed = applyFix(before, ds[0]);
    assert.equal(renamed, `${H}spec:\n  defaultBackend:\n    serviceName: web\n    servicePort: 80\n`);
    const rewritten = applyFix(renamed, check(renamed, { rules: [ingressLegacyBackend] })[0]);
    assert.equal(rewritten, `${H}spec:\n  defaultBackend:\n    service: {name: web, port: {number: 80}}\n`);
  });

  it('offers no rewrite when a field is missing, the fields are apart, or `service` is also set', () => {
    const fixes = (yaml: string) => check(yaml, { rules: [ingressLegacyBackend] }).map((d) => !!d.fix);
    assert.deepEqual(fixes(`${H}spec:\n  defaultBackend: {serviceName: web}\n`), [false]);
    assert.deepEqual(
      fixes(`${H}spec:\n  defaultBackend: {serviceName: web, resource: {kind: A, name: b}, servicePort: 80}\n`),
      [false, false],
    );
    assert.deepEqual(
      fixes(
        `${H}spec:\n  defaultBackend: {service: {name: web, port: {number: 80}}, serviceName: web, servicePort: 80}\n`,
      ),
      [false, false],
    );
  });

  it('with every rule: the three things the API server rejects, each once at its own node', () => {
    const yaml = `${H}spec:\n  rules:\n  - http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          serviceName: web\n          servicePort: 80\n`;
    const found = check(yaml, { rules: ALL_RULES }).map(
      (d) =>
        `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.code}${d.fix ? ' (fix)' : ''}`,
    );
    assert.deepEqual(found, [
      '9:8-15 ingress-backend',
      '10:10-21 ingress-legacy-backend (fix)',
      '11:10-21 ingress-legacy-backend (fix)',
    ]);
  });
});
