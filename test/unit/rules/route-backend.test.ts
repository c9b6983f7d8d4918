import { routeBackendGrant } from '../../../server/src/engine/rules/route-backend-grant';
import { routeBackendMissing } from '../../../server/src/engine/rules/route-backend-missing';
import { routeBackendPort } from '../../../server/src/engine/rules/route-backend-port';
import { ruleTable } from '../../harness';
import { route, workspace } from './route-fixtures';

const GRANT = `apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: from-shop, namespace: infra}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop}]
  to: [{group: "", kind: Service}]
`;

ruleTable(routeBackendMissing, {
  valid: [
    {
      name: 'Services of the route namespace and of another one',
      yaml: workspace(
        route('  rules:\n  - backendRefs: [{name: web, port: 80}, {name: api, namespace: infra, port: 9000}]\n'),
      ),
    },
    {
      name: 'backends that are not Services',
      yaml: workspace(route('  rules:\n  - backendRefs: [{group: example.com, kind: Bucket, name: b}]\n')),
    },
  ],
  invalid: [
    {
      name: 'absent from the namespace it resolves to',
      yaml: workspace(
        route(`  rules:
  - backendRefs:
    - {name: api, port: 9000}
#            ^^^ warning route-backend-missing: HTTPRoute \`r\` sends traffic to Service \`api\`, which is not in the checked files for namespace \`shop\`.
`),
      ),
    },
  ],
});

ruleTable(routeBackendPort, {
  valid: [{ name: 'the Service port', yaml: workspace(route('  rules:\n  - backendRefs: [{name: web, port: 80}]\n')) }],
  invalid: [
    {
      name: 'the targetPort instead of the Service port, and a port the Service does not have',
      yaml: workspace(
        route(`  rules:
  - backendRefs:
    - {name: web, port: 8080}
#                       ^^^^ error route-backend-port: Service \`web\` has no port 8080: it exposes 80 (http). 8080 is the targetPort of port 80 (http): a backendRef names the Service port.
    - {name: api, namespace: infra, port: 90}
#                                         ^^ error route-backend-port: Service \`api\` has no port 90: it exposes 9000.
`),
      ),
    },
  ],
});

ruleTable(routeBackendGrant, {
  valid: [
    {
      name: 'a ReferenceGrant in the Service namespace allows it',
      yaml: {
        ...workspace(route('  rules:\n  - backendRefs: [{name: api, namespace: infra, port: 9000}]\n')),
        'grant.yaml': GRANT,
      },
    },
    {
      name: 'the same namespace needs no grant',
      yaml: workspace(route('  rules:\n  - backendRefs: [{name: web, namespace: shop, port: 80}]\n')),
    },
  ],
  invalid: [
    {
      name: 'no grant, or one for another kind or namespace',
      yaml: {
        ...workspace(
          route(
            `  rules:
  - backendRefs:
    - {name: api, namespace: infra, port: 9000}
#                            ^^^^^ warning route-backend-grant: Service \`api\` is in namespace \`infra\`: a ReferenceGrant there must allow GRPCRoute from namespace \`shop\` to refer to it, and none in the checked files does.
`,
            'shop',
            'GRPCRoute',
          ),
        ),
        'grant.yaml': GRANT,
      },
    },
  ],
});
