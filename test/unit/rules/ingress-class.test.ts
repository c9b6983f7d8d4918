import { ingressClass } from '../../../server/src/engine/rules/ingress-class';
import { ruleTable } from '../../harness';

ruleTable(ingressClass, {
  valid: [
    {
      name: 'IngressClass controllers',
      yaml: 'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: nginx}\nspec: {controller: k8s.io/ingress-nginx}\n---\napiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: alb}\nspec: {controller: ingress.k8s.aws/alb}\n',
    },
    {
      name: 'a class name, absent IngressClass objects are never reported',
      yaml: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  ingressClassName: nginx-internal\n',
    },
    {
      name: 'annotation and field agree',
      yaml: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations: {kubernetes.io/ingress.class: nginx}\nspec:\n  ingressClassName: nginx\n',
    },
    {
      name: 'annotation only',
      yaml: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations: {kubernetes.io/ingress.class: traefik}\nspec: {}\n',
    },
  ],
  invalid: [
    {
      name: 'an IngressClass controller without its domain',
      yaml: `apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: {name: nginx}
spec:
  controller: nginx
#             ^^^^^ error ingress-class: IngressClass controller \`nginx\` is not a domain-prefixed path: name the controller as a domain and a path, such as k8s.io/ingress-nginx or example.com/ingress-controller.
`,
    },
    {
      name: 'annotation and field disagree',
      yaml: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  annotations:
    kubernetes.io/ingress.class: traefik
spec:
  ingressClassName: nginx
#                   ^^^^^ error ingress-class: \`ingressClassName: nginx\` disagrees with the annotation \`kubernetes.io/ingress.class: traefik\`: the API server rejects an Ingress where both are set and differ. Remove the deprecated annotation (or make them equal).
`,
    },
    {
      name: 'invalid or empty class name',
      yaml: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: a}
spec: {ingressClassName: Nginx_Public}
#                        ^^^^^^^^^^^^ error ingress-class: IngressClass name \`Nginx_Public\` is invalid: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*').
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: b}
spec: {ingressClassName: ""}
#                        ^^ error ingress-class: \`ingressClassName\` is empty: name an IngressClass, or remove the field to use the default class.
`,
    },
  ],
});
