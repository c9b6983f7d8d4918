import { crdVersion } from '../../../server/src/engine/rules/crd-version';
import { ruleTable } from '../../harness';
import { GOOD_WIDGET, WIDGET_CRD } from '../crd/widget';

ruleTable(crdVersion, {
  valid: [
    { name: 'a served version', yaml: { 'crd.yaml': WIDGET_CRD, 'w.yaml': GOOD_WIDGET } },
    {
      name: 'a bundled Gateway API version',
      yaml: 'apiVersion: gateway.networking.k8s.io/v1beta1\nkind: HTTPRoute\nmetadata: {name: r}\nspec: {}\n',
    },
    { name: 'a kind no CRD defines', yaml: 'apiVersion: example.com/v9\nkind: Gadget\nmetadata: {name: g}\n' },
  ],
  invalid: [
    {
      name: 'a version the CRD lists but does not serve, and one it does not list',
      yaml: {
        'crd.yaml': WIDGET_CRD,
        'w.yaml': `apiVersion: example.com/v1beta1
#           ^^^^^^^^^^^^^^^^^^^ error crd-version: Version \`v1beta1\` of Widget is no longer served by the CRD \`widgets.example.com\`: use \`example.com/v1\`.
kind: Widget
metadata: {name: w}
---
apiVersion: example.com/v2
#           ^^^^^^^^^^^^^^ error crd-version: Version \`v2\` of Widget is not defined by the CRD \`widgets.example.com\`: use \`example.com/v1\`.
kind: Widget
metadata: {name: w2}
`,
      },
    },
    {
      name: 'a bundled CRD',
      yaml: `apiVersion: gateway.networking.k8s.io/v1alpha2
#           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error crd-version: Version \`v1alpha2\` of HTTPRoute is not defined by the CRD \`httproutes.gateway.networking.k8s.io\` (bundled: gateway-api-v1.6.1): use \`gateway.networking.k8s.io/v1\` or \`gateway.networking.k8s.io/v1beta1\`.
kind: HTTPRoute
metadata: {name: r}
`,
    },
  ],
});
