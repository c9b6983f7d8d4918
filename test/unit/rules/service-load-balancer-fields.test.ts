import { serviceLoadBalancerFields } from '../../../server/src/engine/rules/service-load-balancer-fields';
import { ruleTable } from '../../harness';

const H = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\n';

ruleTable(serviceLoadBalancerFields, {
  valid: [
    {
      name: 'all of them on a LoadBalancer',
      yaml: `${H}spec:\n  type: LoadBalancer\n  loadBalancerSourceRanges: [203.0.113.0/24, " 10.0.0.0/8 ", "2001:db8::/32"]\n  allocateLoadBalancerNodePorts: false\n  loadBalancerClass: example.com/internal\n`,
    },
    {
      name: 'the source-ranges annotation on a LoadBalancer',
      yaml: `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  annotations:\n    service.beta.kubernetes.io/load-balancer-source-ranges: "10.0.0.0/8, 192.168.0.0/16"\nspec:\n  type: LoadBalancer\n`,
    },
    {
      name: 'a kustomize patch without a type (the base is a LoadBalancer)',
      yaml: {
        'kustomization.yaml': 'patches:\n- path: lb.yaml\n',
        'lb.yaml': `${H}spec:\n  loadBalancerSourceRanges: [10.0.0.0/8]\n  allocateLoadBalancerNodePorts: false\n`,
      },
    },
    {
      name: 'empty or null fields elsewhere',
      yaml: `${H}spec:\n  loadBalancerSourceRanges: []\n  allocateLoadBalancerNodePorts:\n  loadBalancerClass:\n`,
    },
  ],
  invalid: [
    {
      name: 'LoadBalancer-only fields on other types',
      yaml: `${H}spec:
  type: NodePort
  loadBalancerSourceRanges: [10.0.0.0/8]
# ^^^^^^^^^^^^^^^^^^^^^^^^ error service-load-balancer-fields: loadBalancerSourceRanges may only be used when type is LoadBalancer (this Service is NodePort): remove it, or set type: LoadBalancer.
  allocateLoadBalancerNodePorts: false
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error service-load-balancer-fields: allocateLoadBalancerNodePorts may only be used when type is LoadBalancer (this Service is NodePort): remove it, or set type: LoadBalancer.
  loadBalancerClass: example.com/lb
# ^^^^^^^^^^^^^^^^^ error service-load-balancer-fields: loadBalancerClass may only be used when type is LoadBalancer (this Service is NodePort): remove it, or set type: LoadBalancer.
---
apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
    service.beta.kubernetes.io/load-balancer-source-ranges: 10.0.0.0/8
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error service-load-balancer-fields: The annotation service.beta.kubernetes.io/load-balancer-source-ranges may only be used when type is LoadBalancer (this Service is ClusterIP): remove it, or set type: LoadBalancer.
`,
    },
    {
      name: 'invalid values on a LoadBalancer',
      yaml: `${H}spec:
  type: LoadBalancer
  loadBalancerSourceRanges:
  - 10.0.0.0
#   ^^^^^^^^ error service-load-balancer-fields: \`10.0.0.0\` is not a valid CIDR: write a source range such as 203.0.113.0/24 or 2001:db8::/32.
  - 10.0.0.0/33
#   ^^^^^^^^^^^ error service-load-balancer-fields
  loadBalancerClass: "my lb"
#                    ^^^^^^^ error service-load-balancer-fields: loadBalancerClass \`my lb\` is invalid: name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') (use a prefixed name such as example.com/internal-lb).
---
apiVersion: v1
kind: Service
metadata:
  name: web
  annotations:
    service.beta.kubernetes.io/load-balancer-source-ranges: "10.0.0.0/8,everyone"
#                                                           ^^^^^^^^^^^^^^^^^^^^^ error service-load-balancer-fields: \`everyone\` is not a valid CIDR: list source ranges such as 203.0.113.0/24, separated by commas.
spec:
  type: LoadBalancer
`,
    },
  ],
});
