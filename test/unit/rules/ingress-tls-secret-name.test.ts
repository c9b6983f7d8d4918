import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ingressTlsSecretName } from '../../../server/src/engine/rules/ingress-tls-secret-name';
import { check, ruleTable } from '../../harness';

const H = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\n';

ruleTable(ingressTlsSecretName, {
  valid: [
    {
      name: 'valid names, a missing Secret is never reported',
      yaml: `${H}spec:\n  tls:\n  - {hosts: [a.example.com], secretName: shop-tls}\n  - {hosts: [b.example.com], secretName: wildcard.example.com}\n  - hosts: [c.example.com]\n  - secretName: ""\n`,
    },
  ],
  invalid: [
    {
      name: 'uppercase, underscores',
      yaml: `${H}spec:
  tls:
  - hosts: [a.example.com]
    secretName: Shop-TLS
#               ^^^^^^^^ error ingress-tls-secret-name: Secret name \`Shop-TLS\` is invalid: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*') (write \`shop-tls\`).
  - secretName: __INGRESS_SECRET__
#               ^^^^^^^^^^^^^^^^^^ error ingress-tls-secret-name: Secret name \`__INGRESS_SECRET__\` is invalid: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*').
`,
    },
  ],
});

describe('rule ingress-tls-secret-name fixes', () => {
  it('lowercases the name', () => {
    assert.deepEqual(
      check(`${H}spec:\n  tls: [{secretName: 'My-Cert'}]\n`, { rules: [ingressTlsSecretName] }).map(
        (d) => d.fix?.edits[0].newText,
      ),
      ["'my-cert'"],
    );
  });
});
