/** Gateway API workspaces for the route-* rule tables. */
export const GATEWAY = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: example
  listeners:
  - name: http
    port: 80
    protocol: HTTP
    allowedRoutes: {namespaces: {from: All}}
  - name: https
    port: 443
    protocol: HTTPS
    hostname: "*.example.com"
    tls: {certificateRefs: [{name: cert}]}
    allowedRoutes:
      namespaces:
        from: Selector
        selector: {matchLabels: {shared-gateway: "true"}}
  - name: internal
    port: 8080
    protocol: HTTP
    hostname: internal.example.com
  - name: tls
    port: 8443
    protocol: TLS
    tls: {mode: Passthrough}
    allowedRoutes: {namespaces: {from: All}}
`;

export const NAMESPACES = `apiVersion: v1
kind: Namespace
metadata: {name: shop, labels: {shared-gateway: "true"}}
---
apiVersion: v1
kind: Namespace
metadata: {name: other}
`;

export const SERVICES = `apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec:
  selector: {app: web}
  ports:
  - {name: http, port: 80, targetPort: 8080}
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: infra}
spec:
  selector: {app: api}
  ports:
  - {port: 9000}
`;

export const route = (body: string, ns = 'shop', kind = 'HTTPRoute') => `apiVersion: gateway.networking.k8s.io/v1
kind: ${kind}
metadata: {name: r, namespace: ${ns}}
spec:
${body}`;

export const workspace = (routeYaml: string) => ({
  'gw.yaml': GATEWAY,
  'ns.yaml': NAMESPACES,
  'svc.yaml': SERVICES,
  'route.yaml': routeYaml,
});
