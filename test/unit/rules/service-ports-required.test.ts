import { servicePortsRequired } from '../../../server/src/engine/rules/service-ports-required';
import { ruleTable } from '../../harness';

const H = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\n';

ruleTable(servicePortsRequired, {
  valid: [
    { name: 'one port', yaml: `${H}spec:\n  ports:\n  - port: 80\n` },
    { name: 'ExternalName without ports', yaml: `${H}spec:\n  type: ExternalName\n  externalName: db.example.com\n` },
    { name: 'headless without ports', yaml: `${H}spec:\n  clusterIP: None\n  selector: {app: web}\n` },
    { name: 'headless through clusterIPs', yaml: `${H}spec:\n  clusterIPs: [None]\n` },
    { name: "wrong-case ExternalName is service-type's", yaml: `${H}spec:\n  type: externalname\n` },
    { name: 'ports from an alias', yaml: `${H}x: &p [{port: 80}]\nspec:\n  ports: *p\n` },
    {
      name: 'a kustomize patch gets its ports from the base',
      yaml: {
        'overlay/kustomization.yaml': 'resources: [../base]\npatches:\n- path: svc-patch.yaml\n',
        'overlay/svc-patch.yaml': `${H}spec:\n  type: LoadBalancer\n`,
      },
    },
    { name: "ports that are not a list are the schema walk's", yaml: `${H}spec:\n  ports: {port: 80}\n` },
  ],
  invalid: [
    {
      name: 'no ports at all',
      yaml: `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Service
  metadata: {name: web}
  spec:
# ^^^^ error service-ports-required: Service \`web\` has no ports: add at least one under spec.ports (only ExternalName and headless Services, with clusterIP: None, may have none).
    selector: {app: web}
`,
    },
    {
      name: 'an empty list, and a null one',
      yaml: `${H}spec:
  type: NodePort
  ports: []
# ^^^^^ error service-ports-required
---
${H}spec:
  ports:
# ^^^^^ error service-ports-required
`,
    },
    {
      name: 'no spec',
      yaml: `apiVersion: v1
kind: Service
metadata: {name: web}
#                ^^^ error service-ports-required
`,
    },
    {
      name: 'clusterIP None in lower case is not headless',
      yaml: `apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: Service, metadata: {name: web}, spec: {clusterIP: none}}
#                                                        ^^^^ error service-ports-required
`,
    },
  ],
});
