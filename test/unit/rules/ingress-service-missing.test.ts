import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ingressServiceMissing } from '../../../server/src/engine/rules/ingress-service-missing';
import { check, ruleTable } from '../../harness';

const svc = (name: string, ns?: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n${ns ? `  namespace: ${ns}\n` : ''}spec:\n  selector: {app: ${name}}\n  ports: [{name: http, port: 80}]\n`;

ruleTable(ingressServiceMissing, {
  valid: [
    {
      name: 'Service in another file of the same namespace',
      yaml: {
        'ingress.yaml':
          'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: shop, namespace: shop}\nspec:\n  defaultBackend: {service: {name: cart, port: {number: 80}}}\n',
        'service.yaml': svc('cart', 'shop'),
      },
    },
    {
      name: 'no namespace on either: both in `default`; in a List',
      yaml: `apiVersion: v1\nkind: List\nitems:\n- apiVersion: networking.k8s.io/v1\n  kind: Ingress\n  metadata: {name: web}\n  spec: {rules: [{http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {name: http}}}}]}}]}\n- apiVersion: v1\n  kind: Service\n  metadata: {name: web, namespace: default}\n  spec: {ports: [{name: http, port: 80}]}\n`,
    },
    {
      name: 'Secrets, IngressClasses and resource backends are never looked up',
      yaml: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  ingressClassName: nginx\n  tls: [{hosts: [a.example.com], secretName: a-tls}]\n  defaultBackend: {resource: {apiGroup: k8s.example.com, kind: StorageBucket, name: assets}}\n',
    },
    {
      name: 'AWS Load Balancer Controller actions (`port.name: use-annotation`) are not Services',
      yaml: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  annotations:
    alb.ingress.kubernetes.io/actions.ssl-redirect: '{"Type": "redirect", "RedirectConfig": {"Protocol": "HTTPS", "Port": "443", "StatusCode": "HTTP_301"}}'
spec:
  ingressClassName: alb
  rules:
  - http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: ssl-redirect, port: {name: use-annotation}}}}
`,
    },
    {
      name: 'invalid names are left to ingress-backend',
      yaml: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  defaultBackend: {service: {name: Cart, port: {number: 80}}}\n',
    },
    {
      name: 'v1beta1 objects are not checked',
      yaml: 'apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  backend: {serviceName: cart, servicePort: 80}\n',
    },
  ],
  invalid: [
    {
      name: 'absent from the checked files (a warning)',
      yaml: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: shop
spec:
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /cart
        pathType: Prefix
        backend:
          service:
            name: cart
#                 ^^^^ warning ingress-service-missing: Ingress \`shop\` routes to Service \`cart\`, which is not in the checked files for namespace \`shop\`.
            port: {number: 80}
`,
    },
    {
      name: 'same name in another namespace only',
      yaml: {
        'ingress.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec:
  defaultBackend: {service: {name: cart, port: {number: 80}}}
#                                  ^^^^ warning ingress-service-missing: Ingress \`shop\` routes to Service \`cart\`, which is not in the checked files for namespace \`shop\`. A Service \`cart\` is declared in namespace \`default\`, but an Ingress routes only to Services of its own namespace.
`,
        'service.yaml': svc('cart'),
      },
    },
    {
      name: 'several Ingresses and namespaces with the same Service names',
      yaml: {
        'a.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web, namespace: a}
spec: {defaultBackend: {service: {name: web, port: {number: 80}}}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web, namespace: b}
spec: {defaultBackend: {service: {name: web, port: {number: 80}}}}
#                                       ^^^ warning ingress-service-missing: Ingress \`web\` routes to Service \`web\`, which is not in the checked files for namespace \`b\`. A Service \`web\` is declared in namespaces \`a\`, \`c\`, but an Ingress routes only to Services of its own namespace.
`,
        'svc.yaml': `${svc('web', 'a')}---\n${svc('web', 'c')}`,
      },
    },
    {
      name: 'a typo: suggests the near name',
      yaml: {
        'ingress.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec: {defaultBackend: {service: {name: frontend-svc, port: {number: 80}}}}
#                                       ^^^^^^^^^^^^ warning ingress-service-missing: Ingress \`web\` routes to Service \`frontend-svc\`, which is not in the checked files for namespace \`default\`. Did you mean \`frontend-svc1\`?
`,
        'svc.yaml': svc('frontend-svc1'),
      },
      fixed: {
        'ingress.yaml':
          'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\nspec: {defaultBackend: {service: {name: frontend-svc1, port: {number: 80}}}}\n',
      },
    },
  ],
});

describe('rule ingress-service-missing', () => {
  it('offers the near name as a fix, and follows the Service when files change', () => {
    const files = {
      'ingress.yaml':
        'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\nspec: {defaultBackend: {service: {name: carts, port: {number: 80}}}}\n',
      'svc.yaml': svc('cart'),
    };
    const [d] = check(files, { rules: [ingressServiceMissing] });
    assert.deepEqual(
      d.fix?.edits.map((e) => e.newText),
      ['cart'],
    );
    assert.deepEqual(check({ ...files, 'svc.yaml': svc('carts') }, { rules: [ingressServiceMissing] }), []);
  });
});
