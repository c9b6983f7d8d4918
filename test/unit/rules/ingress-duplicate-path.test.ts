import { ingressDuplicatePath } from '../../../server/src/engine/rules/ingress-duplicate-path';
import { ruleTable } from '../../harness';

const ing = (name: string, spec: string, meta = '') => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
  namespace: shop
${meta}spec:
${spec}`;

const rule = (host: string | undefined, paths: string[]) => `  - ${host !== undefined ? `host: ${host}\n    ` : ''}http:
      paths:
${paths.map((p) => `      - ${p}`).join('\n')}
`;

const p = (path: string, svc: string, type = 'Prefix') =>
  `{path: ${path}, pathType: ${type}, backend: {service: {name: ${svc}, port: {number: 80}}}}`;

ruleTable(ingressDuplicatePath, {
  valid: [
    {
      name: 'the same path under different path types',
      yaml: ing('a', `  rules:\n${rule('books.example.com', [p('/api', 'a'), p('/api', 'b', 'Exact')])}`),
    },
    {
      name: 'the same host and path under different classes (two controllers)',
      yaml: {
        'a.yaml': ing('a', `  ingressClassName: nginx\n  rules:\n${rule('books.example.com', [p('/', 'a')])}`),
        'b.yaml': ing('b', `  ingressClassName: traefik\n  rules:\n${rule('books.example.com', [p('/', 'b')])}`),
      },
    },
    {
      name: 'one class by name, the other by the deprecated annotation',
      yaml: {
        'a.yaml': ing('a', `  ingressClassName: nginx\n  rules:\n${rule('books.example.com', [p('/', 'a')])}`),
        'b.yaml': ing(
          'b',
          `  rules:\n${rule('books.example.com', [p('/', 'b')])}`,
          '  annotations: {kubernetes.io/ingress.class: traefik}\n',
        ),
      },
    },
    {
      name: 'the same path on different hosts',
      yaml: ing('a', `  rules:\n${rule('a.example.com', [p('/', 'a')])}${rule('b.example.com', [p('/', 'a')])}`),
    },
    {
      name: 'a tls block in another Ingress of the same host, and an IngressClass absent from the files',
      yaml: {
        'a.yaml': ing(
          'a',
          `  ingressClassName: missing-class\n  tls: [{hosts: [books.example.com], secretName: books-tls}]\n  rules:\n${rule('books.example.com', [p('/', 'a')])}`,
        ),
        'b.yaml': ing(
          'b',
          `  ingressClassName: missing-class\n  tls: [{hosts: [books.example.com], secretName: books-tls}]\n  rules:\n${rule('books.example.com', [p('/api', 'b')])}`,
        ),
      },
    },
    {
      name: 'two declarations of the same Ingress (overlays) replace each other',
      yaml: {
        'base/ingress.yaml': ing('a', `  rules:\n${rule('books.example.com', [p('/', 'a')])}`),
        'prod/ingress.yaml': ing('a', `  rules:\n${rule('books.example.com', [p('/', 'b')])}`),
      },
    },
  ],
  invalid: [
    {
      name: 'twice in one Ingress: on the later one',
      yaml: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: a, namespace: shop}
spec:
  rules:
  - host: books.example.com
    http:
      paths:
      - {path: /api, pathType: Prefix, backend: {service: {name: a, port: {number: 80}}}}
      - {path: /api, pathType: Prefix, backend: {service: {name: b, port: {number: 80}}}}
#              ^^^^ warning ingress-duplicate-path: Host \`books.example.com\`, Prefix \`/api\` is already claimed in the default class earlier in this Ingress (line 9): the controller serves only one of the two (kubeway's traces take the first). Remove one, or give them different paths.
`,
    },
    {
      name: 'across Ingresses of one class, in two rules for the same host; the later file is reported',
      yaml: {
        'a.yaml': ing('front', `  ingressClassName: nginx\n  rules:\n${rule('books.example.com', [p('/', 'web')])}`),
        'b.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: api, namespace: shop}
spec:
  ingressClassName: nginx
  rules:
  - host: books.example.com
    http:
      paths:
      - path: /
#             ^ warning ingress-duplicate-path: Host \`books.example.com\`, Prefix \`/\` is already claimed in class \`nginx\` by Ingress \`shop/front\` (a.yaml:12): the controller serves only one of the two (kubeway's traces take the first). Remove one, or give them different paths.
        pathType: Prefix
        backend: {service: {name: api, port: {number: 80}}}
`,
      },
    },
    {
      name: 'rules without host: host case-insensitively is the same; ImplementationSpecific too',
      yaml: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: a, namespace: shop}
spec:
  rules:
  - http:
      paths:
      - {path: /x, pathType: ImplementationSpecific, backend: {service: {name: a, port: {number: 80}}}}
  - http:
      paths:
      - {path: /x, pathType: ImplementationSpecific, backend: {service: {name: a, port: {number: 80}}}}
#              ^^ warning ingress-duplicate-path: Any host, ImplementationSpecific \`/x\` is already claimed in the default class earlier in this Ingress (line 8): the controller serves only one of the two (kubeway's traces take the first). Remove one, or give them different paths.
`,
    },
  ],
});
