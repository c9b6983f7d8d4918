import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ingressServicePort } from '../../../server/src/engine/rules/ingress-service-port';
import { check, ruleTable } from '../../harness';

const ingress = (port: string, ns = 'shop', name = 'cart') =>
  `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: shop, namespace: ${ns}}\nspec:\n  defaultBackend:\n    service:\n      name: ${name}\n      port: {${port}}\n`;
const service = `apiVersion: v1
kind: Service
metadata: {name: cart, namespace: shop}
spec:
  selector: {app: cart}
  ports:
  - name: http
    port: 80
    targetPort: 8080
  - name: metrics
    port: 9090
    targetPort: metrics
`;

ruleTable(ingressServicePort, {
  valid: [
    { name: 'by Service port number (multi-file)', yaml: { 'i.yaml': ingress('number: 80'), 's.yaml': service } },
    { name: 'by port name', yaml: { 'i.yaml': ingress('name: metrics'), 's.yaml': service } },
    {
      name: "an absent Service is ingress-service-missing's",
      yaml: { 'i.yaml': ingress('number: 80', 'shop', 'other') },
    },
    {
      name: 'ExternalName Services take any port',
      yaml: {
        'i.yaml': ingress('number: 443'),
        's.yaml':
          'apiVersion: v1\nkind: Service\nmetadata: {name: cart, namespace: shop}\nspec: {type: ExternalName, externalName: cart.example.com}\n',
      },
    },
    {
      name: 'declared twice: fine when one declaration has the port',
      yaml: {
        'i.yaml': ingress('number: 8443'),
        's.yaml': service,
        's2.yaml': service.replace('port: 80', 'port: 8443'),
      },
    },
    {
      name: 'ports kubeway cannot read for sure are not compared',
      yaml: {
        'i.yaml': ingress('number: 80'),
        's.yaml':
          'apiVersion: v1\nkind: Service\nmetadata: {name: cart, namespace: shop}\nspec:\n  ports: [{name: http, port: "8080"}]\n',
      },
    },
    {
      name: 'a Service in another namespace is not compared',
      yaml: { 'i.yaml': ingress('number: 8080', 'other'), 's.yaml': service },
    },
    {
      name: 'ports from anchors and merge keys',
      yaml: {
        'i.yaml': ingress('number: 9090'),
        's.yaml':
          'apiVersion: v1\nkind: Service\nmetadata: {name: cart, namespace: shop}\nx: &p {name: metrics, port: 9090}\nspec:\n  ports:\n  - <<: *p\n    targetPort: 9091\n',
      },
    },
    { name: "an invalid port is ingress-backend-port's", yaml: { 'i.yaml': ingress('number: 0'), 's.yaml': service } },
  ],
  invalid: [
    {
      name: 'a number the Service does not expose; its targetPort: hint and fix',
      yaml: {
        'i.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec:
  rules:
  - http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: cart
            port:
              number: 8080
#                     ^^^^ error ingress-service-port: Service \`cart\` has no port 8080: it exposes 80 (http), 9090 (metrics). \`8080\` is the targetPort of port 80 (http): an Ingress names the Service port, so use \`number: 80\`.
      - path: /x
        pathType: Prefix
        backend:
          service:
            name: cart
            port:
              number: 443
#                     ^^^ error ingress-service-port: Service \`cart\` has no port 443: it exposes 80 (http), 9090 (metrics).
`,
        's.yaml': service,
      },
    },
    {
      name: 'a port name the Service does not have',
      yaml: {
        'i.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec: {defaultBackend: {service: {name: cart, port: {name: web}}}}
#                                                          ^^^ error ingress-service-port: Service \`cart\` has no port named \`web\`: it exposes 80 (http), 9090 (metrics). Use \`name:\` with one of \`http\`, \`metrics\`, or \`number:\`.
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop2, namespace: shop}
spec: {defaultBackend: {service: {name: cart, port: {name: metrics}}}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop3, namespace: shop}
spec: {defaultBackend: {service: {name: plain, port: {name: http}}}}
#                                                           ^^^^ error ingress-service-port: Service \`plain\` has no port named \`http\`: it exposes 80. Its ports have no names: use \`number:\` instead of \`name:\`.
`,
        's.yaml': `${service}---\napiVersion: v1\nkind: Service\nmetadata: {name: plain, namespace: shop}\nspec:\n  ports: [{port: 80}]\n`,
      },
    },
    {
      name: 'a name that is the targetPort name',
      yaml: {
        'i.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec: {defaultBackend: {service: {name: api, port: {name: grpc-port}}}}
#                                                         ^^^^^^^^^ error ingress-service-port: Service \`api\` has no port named \`grpc-port\`: it exposes 443 (grpc). \`grpc-port\` is the targetPort of port 443 (grpc): an Ingress names the Service port, so use \`name: grpc\`.
`,
        's.yaml':
          'apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: shop}\nspec:\n  ports: [{name: grpc, port: 443, targetPort: grpc-port}]\n',
      },
    },
    {
      name: 'same Service name in two namespaces: each Ingress is compared with its own',
      yaml: {
        'a.yaml': ingress('number: 80', 'a').replace('name: shop,', 'name: a,'),
        'b.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: b, namespace: b}
spec: {defaultBackend: {service: {name: cart, port: {number: 80}}}}
#                                                            ^^ error ingress-service-port: Service \`cart\` has no port 80: it exposes 8080.
`,
        's.yaml': `${service.replace('namespace: shop', 'namespace: a')}---\napiVersion: v1\nkind: Service\nmetadata: {name: cart, namespace: b}\nspec:\n  ports: [{port: 8080}]\n`,
      },
    },
    {
      name: 'a Service without ports',
      yaml: {
        'i.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec: {defaultBackend: {service: {name: headless, port: {number: 80}}}}
#                                                                ^^ error ingress-service-port: Service \`headless\` has no port 80: it declares no ports at all. Add the port to the Service.
`,
        's.yaml':
          'apiVersion: v1\nkind: Service\nmetadata: {name: headless}\nspec:\n  clusterIP: None\n  selector: {app: db}\n',
      },
    },
  ],
});

describe('rule ingress-service-port fixes', () => {
  it('replaces a targetPort number with the Service port', () => {
    const [d] = check({ 'i.yaml': ingress('number: 8080'), 's.yaml': service }, { rules: [ingressServicePort] });
    assert.deepEqual(
      d.fix?.edits.map((e) => [e.range.start, e.newText]),
      [[{ line: 7, character: 21 }, '80']],
    );
  });
  it('offers no fix when the right port is unknown', () => {
    const [d] = check({ 'i.yaml': ingress('number: 443'), 's.yaml': service }, { rules: [ingressServicePort] });
    assert.equal(d.fix, undefined);
  });
});
