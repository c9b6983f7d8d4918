import { routeNotAllowed } from '../../../server/src/engine/rules/route-not-allowed';
import { ruleTable } from '../../harness';
import { GATEWAY, NAMESPACES, SERVICES, route, workspace } from './route-fixtures';

ruleTable(routeNotAllowed, {
  valid: [
    {
      name: 'From All; a Selector the Namespace matches; a GRPCRoute on an HTTP listener',
      yaml: workspace(
        route(
          '  parentRefs:\n  - {name: gw, namespace: infra, sectionName: http}\n  - {name: gw, namespace: infra, sectionName: https}\n',
        ),
      ),
    },
    {
      name: 'Same: a route of the Gateway namespace',
      yaml: workspace(route('  parentRefs: [{name: gw, sectionName: internal}]\n', 'infra')),
    },
    {
      name: 'a GRPCRoute on an HTTPS listener',
      yaml: workspace(route('  parentRefs: [{name: gw, namespace: infra, sectionName: https}]\n', 'shop', 'GRPCRoute')),
    },
    {
      name: 'one listener of several admitting it is enough',
      yaml: workspace(route('  parentRefs: [{name: gw, namespace: infra}]\n', 'other')),
    },
    {
      name: 'a Selector and a Namespace that is not in the files: unknown',
      yaml: {
        'gw.yaml': GATEWAY,
        'svc.yaml': SERVICES,
        'route.yaml': route('  parentRefs: [{name: gw, namespace: infra, sectionName: https}]\n', 'elsewhere'),
      },
    },
    {
      name: 'the kubernetes.io/metadata.name label the API server gives every Namespace',
      yaml: {
        'ns.yaml': NAMESPACES,
        'g2.yaml':
          'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: g2, namespace: infra}\nspec:\n  gatewayClassName: x\n  listeners:\n  - name: web\n    port: 80\n    protocol: HTTP\n    allowedRoutes: {namespaces: {from: Selector, selector: {matchLabels: {kubernetes.io/metadata.name: other}}}}\n',
        'route.yaml': route('  parentRefs: [{name: g2, namespace: infra}]\n', 'other'),
      },
    },
  ],
  invalid: [
    {
      name: 'Same (the default) from another namespace; a Selector the Namespace does not match; an HTTPRoute on a TLS listener',
      yaml: workspace(
        route(
          `  parentRefs:
  - {name: gw, namespace: infra, sectionName: internal}
#                                             ^^^^^^^^ error route-not-allowed: Gateway \`gw\` does not admit HTTPRoute \`r\`: listener \`internal\` admits routes of namespace \`infra\` only (allowedRoutes.namespaces.from: Same, the default), and this HTTPRoute is in \`other\`.
  - {name: gw, namespace: infra, sectionName: https}
#                                             ^^^^^ error route-not-allowed: Gateway \`gw\` does not admit HTTPRoute \`r\`: listener \`https\` admits routes of namespaces matching its selector, and Namespace \`other\` does not have \`shared-gateway=true\`.
  - {name: gw, namespace: infra, sectionName: tls}
#                                             ^^^ error route-not-allowed: Gateway \`gw\` does not admit HTTPRoute \`r\`: listener \`tls\` (protocol TLS) carries \`TLSRoute\`, not HTTPRoute.
`,
          'other',
        ),
      ),
    },
    {
      name: 'allowedRoutes.kinds without the route kind, on the name when there is no sectionName',
      yaml: {
        'g.yaml':
          'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: g, namespace: shop}\nspec:\n  gatewayClassName: x\n  listeners:\n  - {name: grpc, port: 80, protocol: HTTP, allowedRoutes: {kinds: [{kind: GRPCRoute}]}}\n',
        'route.yaml': route(`  parentRefs:
  - name: g
#         ^ error route-not-allowed: Gateway \`g\` does not admit HTTPRoute \`r\`: listener \`grpc\` allows only \`GRPCRoute\` (allowedRoutes.kinds).
`),
      },
    },
  ],
});
