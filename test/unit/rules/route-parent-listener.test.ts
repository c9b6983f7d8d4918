import { routeParentListener } from '../../../server/src/engine/rules/route-parent-listener';
import { ruleTable } from '../../harness';
import { route, workspace } from './route-fixtures';

ruleTable(routeParentListener, {
  valid: [
    {
      name: 'a listener by name, by port, by both',
      yaml: workspace(
        route(
          '  parentRefs:\n  - {name: gw, namespace: infra, sectionName: http}\n  - {name: gw, namespace: infra, port: 443}\n  - {name: gw, namespace: infra, sectionName: internal, port: 8080}\n',
        ),
      ),
    },
    {
      name: 'a Gateway that is not in the files is another finding',
      yaml: workspace(route('  parentRefs: [{name: nope, sectionName: x}]\n')),
    },
  ],
  invalid: [
    {
      name: 'a sectionName no listener has, a port no listener has, a port the named listener does not have',
      yaml: workspace(
        route(`  parentRefs:
  - {name: gw, namespace: infra, sectionName: web}
#                                             ^^^ error route-parent-listener: Gateway \`gw\` has no listener named \`web\`: its listeners are \`http\`, \`https\`, \`internal\`, \`tls\`.
  - {name: gw, namespace: infra, port: 8000}
#                                      ^^^^ error route-parent-listener: Gateway \`gw\` has no listener on port 8000: its listeners use port 80, 443, 8080, 8443.
  - {name: gw, namespace: infra, sectionName: http, port: 443}
#                                                         ^^^ error route-parent-listener: Listener \`http\` of Gateway \`gw\` listens on port 80, not 443.
`),
      ),
    },
  ],
});
