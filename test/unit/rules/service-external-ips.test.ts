import { serviceExternalIPs } from '../../../server/src/engine/rules/service-external-ips';
import { ruleTable } from '../../harness';

const H = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\n';

ruleTable(serviceExternalIPs, {
  valid: [
    {
      name: 'public and private addresses, IPv6, multicast outside link-local',
      yaml: `${H}spec:\n  externalIPs: [203.0.113.10, 10.1.2.3, "2001:db8::1", 239.1.1.1, "ff05::1"]\n`,
    },
  ],
  invalid: [
    {
      name: 'not addresses, special ranges',
      yaml: `${H}spec:
  externalIPs:
  - example.com
#   ^^^^^^^^^^^ error service-external-ips: externalIPs value \`example.com\` is not a valid IP address.
  - 0.0.0.0
#   ^^^^^^^ error service-external-ips: externalIPs value \`0.0.0.0\` is an unspecified address, which a Service may not use as an external IP.
  - 127.0.0.1
#   ^^^^^^^^^ error service-external-ips: externalIPs value \`127.0.0.1\` is a loopback address, which a Service may not use as an external IP.
  - 169.254.169.254
#   ^^^^^^^^^^^^^^^ error service-external-ips: externalIPs value \`169.254.169.254\` is a link-local address, which a Service may not use as an external IP.
  - 224.0.0.1
#   ^^^^^^^^^ error service-external-ips: externalIPs value \`224.0.0.1\` is a link-local multicast address, which a Service may not use as an external IP.
  - "::1"
#   ^^^^^ error service-external-ips: externalIPs value \`::1\` is a loopback address, which a Service may not use as an external IP.
  - "fe80::1"
#   ^^^^^^^^^ error service-external-ips
  - "::"
#   ^^^^ error service-external-ips
  - "ff02::2"
#   ^^^^^^^^^ error service-external-ips
  - "::ffff:127.0.0.1"
#   ^^^^^^^^^^^^^^^^^^ error service-external-ips
`,
    },
  ],
});
