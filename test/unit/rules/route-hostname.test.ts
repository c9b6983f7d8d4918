import { routeHostname } from '../../../server/src/engine/rules/route-hostname';
import { ruleTable } from '../../harness';
import { route, workspace } from './route-fixtures';

ruleTable(routeHostname, {
  valid: [
    {
      name: 'a wildcard listener and a host under it, several labels deep',
      yaml: workspace(
        route(
          '  parentRefs: [{name: gw, namespace: infra, sectionName: https}]\n  hostnames: [shop.example.com, a.b.example.com]\n',
        ),
      ),
    },
    {
      name: 'a wildcard route hostname over a listener hostname',
      yaml: workspace(
        route('  parentRefs: [{name: gw, sectionName: internal}]\n  hostnames: ["*.example.com"]\n', 'infra'),
      ),
    },
    {
      name: 'a listener without hostname takes every hostname',
      yaml: workspace(route('  parentRefs: [{name: gw, namespace: infra}]\n  hostnames: [anything.test]\n')),
    },
    {
      name: 'one of the hostnames matching is enough',
      yaml: workspace(
        route(
          '  parentRefs: [{name: gw, namespace: infra, sectionName: https}]\n  hostnames: [shop.example.org, shop.example.com]\n',
        ),
      ),
    },
    {
      name: 'a route without hostnames',
      yaml: workspace(route('  parentRefs: [{name: gw, namespace: infra, sectionName: https}]\n')),
    },
  ],
  invalid: [
    {
      name: 'the wildcard matches subdomains, not the domain itself, nor another domain',
      yaml: workspace(
        route(`  parentRefs: [{name: gw, namespace: infra, sectionName: https}]
  hostnames:
  - example.com
#   ^^^^^^^^^^^ error route-hostname: Hostname \`example.com\` matches no listener of Gateway \`gw\` (listener \`https\`): it accepts \`*.example.com\`. The route is not attached.
  - shop.example.org
#   ^^^^^^^^^^^^^^^^ error route-hostname: Hostname \`shop.example.org\` matches no listener of Gateway \`gw\` (listener \`https\`): it accepts \`*.example.com\`. The route is not attached.
`),
      ),
    },
  ],
});
