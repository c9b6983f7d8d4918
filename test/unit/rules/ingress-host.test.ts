import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ingressHost } from '../../../server/src/engine/rules/ingress-host';
import { check, ruleTable } from '../../harness';

const H = 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\n';

ruleTable(ingressHost, {
  valid: [
    {
      name: 'DNS names, a leading wildcard, empty host, no host',
      yaml: `${H}spec:
  rules:
  - host: shop.example.com
  - host: "*.example.com"
  - host: '*.com'
  - host: ""
  - host: xn--bcher-kva.example
  - host: "123.example"
  - http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}
  tls:
  - hosts: [shop.example.com, "*.example.com", 10.0.0.1]
`,
    },
    {
      name: 'anchors and aliases',
      yaml: `${H}spec:\n  tls: [{hosts: [&h shop.example.com]}]\n  rules:\n  - host: *h\n`,
    },
    {
      name: 'JSON document',
      yaml: '{"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": {"name": "web"}, "spec": {"rules": [{"host": "a.example.com"}]}}\n',
    },
    {
      name: 'a removed v1beta1 Ingress is not checked field by field',
      yaml: 'apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  rules:\n  - host: Shop.Example.com\n',
    },
    {
      name: 'a non-Ingress kind with the same shape',
      yaml: 'apiVersion: example.com/v1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  rules:\n  - host: Shop.Example.com\n',
    },
    { name: "a host that is not a string is the schema rule's", yaml: `${H}spec:\n  rules:\n  - host: 12\n` },
  ],
  invalid: [
    {
      name: 'uppercase',
      yaml: `${H}spec:
  rules:
  - host: Shop.Example.com
#         ^^^^^^^^^^^^^^^^ error ingress-host: Ingress host \`Shop.Example.com\` must be lowercase: write \`shop.example.com\`.
`,
    },
    {
      name: 'with a port',
      yaml: `${H}spec:
  rules:
  - host: "shop.example.com:8080"
#         ^^^^^^^^^^^^^^^^^^^^^^^ error ingress-host: Ingress host \`shop.example.com:8080\` must not include a port (\`:8080\`): write \`shop.example.com\`.
`,
    },
    {
      name: 'a URL',
      yaml: `${H}spec:
  rules:
  - host: https://Shop.example.com/
#         ^^^^^^^^^^^^^^^^^^^^^^^^^ error ingress-host: Ingress host \`https://Shop.example.com/\` must not include a scheme (\`https://\`), must not include a path and must be lowercase: write \`shop.example.com\`.
`,
    },
    {
      name: 'an IP address (IPv4, IPv4 with leading zeros, IPv6)',
      yaml: `${H}spec:
  rules:
  - host: 10.0.0.1
#         ^^^^^^^^ error ingress-host: Ingress host \`10.0.0.1\` is an IP address: a rule's host must be a DNS name (leave \`host\` out to match requests for any host).
  - host: 010.000.000.001
#         ^^^^^^^^^^^^^^^ error ingress-host
  - host: "fd00::1"
#         ^^^^^^^^^ error ingress-host: Ingress host \`fd00::1\` is an IP address: a rule's host must be a DNS name (leave \`host\` out to match requests for any host).
  - host: "10.0.0.1:8080"
#         ^^^^^^^^^^^^^^^ error ingress-host: Ingress host \`10.0.0.1:8080\` is an IP address: a rule's host must be a DNS name (leave \`host\` out to match requests for any host).
  - host: 10.0.0
`,
    },
    {
      name: 'wildcards other than a leading `*.`',
      yaml: `${H}spec:
  rules:
  - host: "foo.*.example.com"
#         ^^^^^^^^^^^^^^^^^^^ error ingress-host: Ingress host \`foo.*.example.com\` is not a valid wildcard host: \`*\` is only allowed as the whole first label, followed by a DNS name (e.g. \`*.example.com\`).
  - host: "*"
#         ^^^ error ingress-host
  - host: "*shop.example.com"
#         ^^^^^^^^^^^^^^^^^^^ error ingress-host
  - host: "*.*.example.com"
#         ^^^^^^^^^^^^^^^^^ error ingress-host
`,
    },
    {
      name: 'placeholders and other characters',
      yaml: `${H}spec:
  rules:
  - host: __INGRESS_HOST__
#         ^^^^^^^^^^^^^^^^ error ingress-host: Ingress host \`__INGRESS_HOST__\` is not a valid DNS name: use lowercase letters, digits, \`-\` and \`.\`, starting and ending with a letter or digit (e.g. \`shop.example.com\`).
  - host: registry.<your domain>
#         ^^^^^^^^^^^^^^^^^^^^^^ error ingress-host
  - host: shop.example.com.
#         ^^^^^^^^^^^^^^^^^ error ingress-host: Ingress host \`shop.example.com.\` must not end with \`.\`: write \`shop.example.com\`.
  - host: " shop.example.com"
#         ^^^^^^^^^^^^^^^^^^^ error ingress-host: Ingress host \` shop.example.com\` must not have spaces around it: write \`shop.example.com\`.
  - host: bücher.example
#         ^^^^^^^^^^^^^^ error ingress-host
`,
    },
    {
      name: 'TLS hosts: same format, an IP address is allowed but not IPv6',
      yaml: `${H}spec:
  tls:
  - hosts:
    - Shop.example.com
#     ^^^^^^^^^^^^^^^^ error ingress-host: TLS host \`Shop.example.com\` must be lowercase: write \`shop.example.com\`.
    - 10.1.2.3
    - "*.Example.com"
#     ^^^^^^^^^^^^^^^ error ingress-host: TLS host \`*.Example.com\` must be lowercase: write \`*.example.com\`.
    - "::1"
#     ^^^^^ error ingress-host
`,
    },
    {
      name: 'items of a kind: List, CRLF line ends',
      yaml: `apiVersion: v1\r\nkind: List\r\nitems:\r\n- apiVersion: networking.k8s.io/v1\r\n  kind: Ingress\r\n  metadata: {name: a}\r\n  spec:\r\n    rules:\r\n    - host: A.example.com\r\n#           ^^^^^^^^^^^^^ error ingress-host\r\n`,
    },
    {
      name: 'one finding per Ingress in a multi-document file',
      yaml: `${H}spec: {rules: [{host: UP.example.com}]}
#                     ^^^^^^^^^^^^^^ error ingress-host
---
${H}spec: {rules: [{host: ok.example.com}]}
`,
    },
  ],
});

describe('rule ingress-host fixes', () => {
  const fixOf = (yaml: string) => check(yaml, { rules: [ingressHost] }).map((d) => d.fix?.edits.map((e) => e.newText));
  it('lowercases, keeping quotes', () => {
    assert.deepEqual(fixOf(`${H}spec:\n  rules:\n  - host: "Shop.example.com"\n  - host: Shop.example.com\n`), [
      ['"shop.example.com"'],
      ['shop.example.com'],
    ]);
  });
  it('quotes a plain wildcard replacement so it does not become an alias', () => {
    assert.deepEqual(fixOf(`${H}spec:\n  rules:\n  - host: "*.Example.com:443"\n`), [['"*.example.com"']]);
  });
  it('offers no fix when the intended host is unclear', () => {
    assert.deepEqual(fixOf(`${H}spec:\n  rules:\n  - host: __HOST__\n  - host: 10.0.0.1\n`), [undefined, undefined]);
  });
});
