import { routeParentMissing } from '../../../server/src/engine/rules/route-parent-missing';
import { ruleTable } from '../../harness';
import { route, workspace } from './route-fixtures';

ruleTable(routeParentMissing, {
  valid: [
    {
      name: 'a Gateway in the namespace the parentRef gives',
      yaml: workspace(route('  parentRefs: [{name: gw, namespace: infra}]\n')),
    },
    {
      name: 'parents that are not Gateways (a mesh Service, a ListenerSet)',
      yaml: workspace(
        route('  parentRefs:\n  - {group: "", kind: Service, name: web}\n  - {kind: ListenerSet, name: ls}\n'),
      ),
    },
  ],
  invalid: [
    {
      name: "the namespace defaults to the route's",
      yaml: workspace(
        route(`  parentRefs:
  - name: gw
#         ^^ warning route-parent-missing: HTTPRoute \`r\` is attached to Gateway \`gw\`, which is not in the checked files for namespace \`shop\`.
  - {name: edge, namespace: infra}
#          ^^^^ warning route-parent-missing: HTTPRoute \`r\` is attached to Gateway \`edge\`, which is not in the checked files for namespace \`infra\`.
`),
      ),
    },
  ],
});
