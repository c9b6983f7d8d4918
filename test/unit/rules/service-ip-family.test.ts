import { serviceIPFamily } from '../../../server/src/engine/rules/service-ip-family';
import { ruleTable } from '../../harness';

const H = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\n';

ruleTable(serviceIPFamily, {
  valid: [
    {
      name: 'single and dual stack',
      yaml: `${H}spec:\n  ipFamilyPolicy: SingleStack\n  ipFamilies: [IPv6]\n---\n${H}spec:\n  ipFamilyPolicy: RequireDualStack\n  ipFamilies: [IPv4, IPv6]\n---\n${H}spec:\n  ipFamilyPolicy: PreferDualStack\n`,
    },
    { name: 'ExternalName without them', yaml: `${H}spec:\n  type: ExternalName\n  externalName: db.example.com\n` },
  ],
  invalid: [
    {
      name: 'on an ExternalName Service',
      yaml: `${H}spec:
  type: ExternalName
  externalName: db.example.com
  ipFamilies: [IPv4]
# ^^^^^^^^^^ error service-ip-family: An ExternalName Service must not set ipFamilies (it has no cluster IP): remove ipFamilies.
  ipFamilyPolicy: SingleStack
# ^^^^^^^^^^^^^^ error service-ip-family: An ExternalName Service must not set ipFamilyPolicy (it has no cluster IP): remove ipFamilyPolicy.
`,
    },
    {
      name: 'bad values, duplicates, SingleStack with two families',
      yaml: `${H}spec:
  ipFamilies: [ipv4, IPv5]
#              ^^^^ error service-ip-family: IP family \`ipv4\` must be written \`IPv4\`.
#                    ^^^^ error service-ip-family: Unsupported IP family \`IPv5\`: use IPv4 or IPv6.
  ipFamilyPolicy: DualStack
#                 ^^^^^^^^^ error service-ip-family: Unsupported ipFamilyPolicy \`DualStack\`: use SingleStack, PreferDualStack or RequireDualStack.
---
${H}spec:
  ipFamilies: [IPv4, IPv4]
#                    ^^^^ error service-ip-family: IP family IPv4 is listed twice: ipFamilies holds at most one IPv4 and one IPv6.
  ipFamilyPolicy: singlestack
#                 ^^^^^^^^^^^ error service-ip-family: ipFamilyPolicy \`singlestack\` must be written \`SingleStack\`.
---
${H}spec:
  ipFamilies: [IPv4, IPv6]
  ipFamilyPolicy: SingleStack
#                 ^^^^^^^^^^^ error service-ip-family: ipFamilyPolicy SingleStack allows one IP family, but ipFamilies lists two: use PreferDualStack or RequireDualStack, or list one family.
`,
    },
  ],
});
