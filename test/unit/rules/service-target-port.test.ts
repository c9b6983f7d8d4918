import { serviceTargetPort } from '../../../server/src/engine/rules/service-target-port';
import { ruleTable } from '../../harness';

/** A Deployment whose pod template has app=<name> and the given container spec lines (6-space indent). */
const deployment = (name: string, containers: string, ns = '') => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}${ns ? `, namespace: ${ns}` : ''}}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
${containers}`;

const web = deployment(
  'web',
  `      containers:
      - name: app
        image: nginx
        ports:
        - {name: http, containerPort: 8080}
        - {name: dns, containerPort: 53, protocol: UDP}
`,
);

const svcHead = (name = 'web', selector = '{app: web}', ns = '') => `apiVersion: v1
kind: Service
metadata: {name: ${name}${ns ? `, namespace: ${ns}` : ''}}
spec:
  selector: ${selector}
  ports:
`;

/** A StatefulSet of 3 replicas (pods db-0 … db-2) whose container serves `sql` on 5432; its pods get their names as labels. */
const db = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  replicas: 3
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers:
      - name: postgres
        image: postgres:16
        ports:
        - {name: sql, containerPort: 5432}
`;

ruleTable(serviceTargetPort, {
  valid: [
    {
      name: 'one pod of a StatefulSet, selected by the pod name its controller gives it',
      yaml: `${db}---\n${svcHead('db-primary', '{statefulset.kubernetes.io/pod-name: db-0}')}  - {name: sql, port: 5432, targetPort: sql}\n`,
    },
    {
      name: 'named ports by name and protocol, numbers, a defaulted targetPort',
      yaml: {
        'deploy.yaml': web,
        'svc.yaml': `${svcHead()}  - {name: a, port: 80, targetPort: http}\n  - {name: b, port: 5353, protocol: UDP, targetPort: dns}\n  - {name: c, port: 81, targetPort: 8080}\n  - {name: d, port: 8080, targetPort: ""}\n  - {name: e, port: 53, protocol: UDP, targetPort: 0}\n`,
      },
    },
    {
      name: 'a named port on a sidecar (init container with restartPolicy: Always)',
      yaml:
        deployment(
          'web',
          `      initContainers:
      - name: proxy
        image: envoy
        restartPolicy: Always
        ports: [{name: proxy, containerPort: 15001}]
      containers:
      - {name: app, image: nginx}
`,
        ) + `---\n${svcHead()}  - {port: 80, targetPort: proxy}\n`,
    },
    {
      name: 'a Service over two workloads: the named port needs to exist in one of them',
      yaml:
        deployment(
          'api',
          '      containers: [{name: a, image: x, ports: [{name: http, containerPort: 8080}]}]\n',
        ).replace(/app: api\}/g, 'app: api, part: shop}') +
        '---\n' +
        deployment(
          'worker',
          '      containers: [{name: a, image: x, ports: [{name: metrics, containerPort: 9090}]}]\n',
        ).replace(/app: worker\}/g, 'app: worker, part: shop}') +
        `---\n${svcHead('shop', '{part: shop}')}  - {name: http, port: 80, targetPort: http}\n  - {name: metrics, port: 9090, targetPort: metrics}\n`,
    },
    {
      name: 'numbers are not checked when the pods declare no ports, or when one selected workload declares none',
      yaml:
        deployment('web', '      containers: [{name: a, image: x}]\n') +
        `---\n${svcHead()}  - {port: 80, targetPort: 3000}\n  - {name: b, port: 81}\n---\n` +
        deployment('api', '      containers: [{name: a, image: x, ports: [{containerPort: 8080}]}]\n').replace(
          /app: api\}/g,
          'app: api, part: x}',
        ) +
        '---\n' +
        deployment('api2', '      containers: [{name: a, image: x}]\n').replace(/app: api2\}/g, 'app: api2, part: x}') +
        `---\n${svcHead('x', '{part: x}')}  - {port: 80, targetPort: 3000}\n`,
    },
    {
      name: "no pods selected is service-selects-no-pods's",
      yaml: `${web}---\n${svcHead('web', '{app: nothing}')}  - {port: 80, targetPort: nope}\n`,
    },
    {
      name: 'a kustomize patch is judged with its base',
      yaml: {
        'kustomization.yaml': 'patchesStrategicMerge: [p.yaml]\n',
        'd.yaml': web,
        'p.yaml': `${svcHead()}  - {port: 80, targetPort: nope}\n`,
      },
    },
    {
      name: 'the selector also matches the pods of a kind kubeway does not model',
      yaml: `${web}---\napiVersion: apps.kruise.io/v1alpha1\nkind: CloneSet\nmetadata: {name: web2}\nspec:\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: a, image: x, ports: [{name: grpc, containerPort: 9000}]}]}\n---\n${svcHead()}  - {port: 80, targetPort: grpc}\n`,
    },
    {
      name: 'ExternalName Services',
      yaml: `${web}---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {type: ExternalName, externalName: a.example.com, selector: {app: web}, ports: [{port: 80, targetPort: nope}]}\n`,
    },
    {
      name: "an invalid targetPort is service-port's, a wrong-case protocol service-port-protocol's",
      yaml: `${web}---\n${svcHead()}  - {name: a, port: 80, targetPort: "8080"}\n  - {name: b, port: 81, targetPort: HTTP}\n  - {name: c, port: 82, targetPort: http, protocol: tcp}\n`,
    },
    {
      name: 'same names in two namespaces resolve in their own namespace',
      yaml: {
        'a.yaml':
          deployment(
            'web',
            '      containers: [{name: a, image: x, ports: [{name: http, containerPort: 80}]}]\n',
            'a',
          ) + `---\n${svcHead('web', '{app: web}', 'a')}  - {port: 80, targetPort: http}\n`,
        'b.yaml':
          deployment(
            'web',
            '      containers: [{name: a, image: x, ports: [{name: http, containerPort: 80}]}]\n',
            'b',
          ) + `---\n${svcHead('web', '{app: web}', 'b')}  - {port: 80, targetPort: http}\n`,
      },
    },
    {
      name: 'ports through anchors and merge keys; a JSON Service',
      yaml:
        deployment(
          'web',
          '      containers:\n      - &c {name: a, image: x, ports: [{name: http, containerPort: 8080}]}\n',
        ) +
        '---\n{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"}, "spec": {"selector": {"app": "web"}, "ports": [{"port": 80, "targetPort": "http"}]}}\n',
    },
  ],
  invalid: [
    {
      name: 'a named targetPort resolved in the StatefulSet pod that its pod-name selector selects',
      yaml: `${db}---
${svcHead('db-primary', '{statefulset.kubernetes.io/pod-name: db-0}')}  - name: sql
    port: 5432
    targetPort: postgres
#               ^^^^^^^^ error service-target-port: targetPort \`postgres\` matches no container port named \`postgres\` (TCP) in the pods Service \`db-primary\` selects (StatefulSet \`db\`): the TCP ports there are named \`sql\`. Use one of those names, or the port number.
`,
    },
    {
      name: 'a named targetPort that no container declares',
      yaml: {
        'deploy.yaml': web,
        'svc.yaml': `${svcHead()}  - name: a
    port: 80
    targetPort: web
#               ^^^ error service-target-port: targetPort \`web\` matches no container port named \`web\` (TCP) in the pods Service \`web\` selects (Deployment \`web\`): the TCP ports there are named \`http\`. Use one of those names, or the port number.
`,
      },
    },
    {
      name: 'a named targetPort with the other protocol',
      yaml: `${web}---
${svcHead()}  - {name: dns, port: 53, targetPort: dns}
#                                     ^^^ error service-target-port: targetPort \`dns\` matches no container port named \`dns\` (TCP) in the pods Service \`web\` selects (Deployment \`web\`): container port \`dns\` of Deployment \`web\` is UDP, but this Service port is TCP. Set protocol: UDP on the Service port, or point it at a TCP port.
`,
    },
    {
      name: 'a named port only on an ordinary init container',
      yaml:
        deployment(
          'web',
          `      initContainers:
      - name: setup
        image: busybox
        ports: [{name: setup, containerPort: 9000}]
      containers:
      - {name: app, image: nginx, ports: [{containerPort: 80}]}
`,
        ) +
        `---\n${svcHead()}  - {port: 80, targetPort: setup}
#                          ^^^^^ error service-target-port: targetPort \`setup\` matches no container port named \`setup\` (TCP) in the pods Service \`web\` selects (Deployment \`web\`): only init container \`setup\` of Deployment \`web\` declares it, and an init container serves no traffic unless it is a sidecar (restartPolicy: Always).
`,
    },
    {
      name: 'a named port when no container port has a name, over two workloads',
      yaml:
        deployment('api', '      containers: [{name: a, image: x, ports: [{containerPort: 8080}]}]\n').replace(
          /app: api\}/g,
          'app: api, part: shop}',
        ) +
        '---\n' +
        deployment('worker', '      containers: [{name: a, image: x}]\n').replace(
          /app: worker\}/g,
          'app: worker, part: shop}',
        ) +
        `---\n${svcHead('shop', '{part: shop}')}  - {port: 80, targetPort: http}
#                          ^^^^ error service-target-port: targetPort \`http\` matches no container port named \`http\` (TCP) in the pods Service \`shop\` selects (Deployment \`api\`, Deployment \`worker\`): none of their TCP container ports has that name. Name the container port \`http\`, or use the port number.
`,
    },
    {
      name: 'numbers that the pods do not declare (warnings)',
      yaml: `${web}---
${svcHead()}  - name: a
    port: 80
    targetPort: 80
#               ^^ warning service-target-port: targetPort 80/TCP is not declared by any container of the pods Service \`web\` selects (Deployment \`web\`): they declare 8080/TCP and 53/UDP; check the number, or declare containerPort 80.
  - name: b
    port: 81
#         ^^ warning service-target-port: targetPort is not set, so traffic goes to port 81/TCP, which no container of the pods Service \`web\` selects declares (Deployment \`web\`): they declare 8080/TCP and 53/UDP; set targetPort to the port the container listens on.
  - {name: c, port: 5353, targetPort: 53}
#                                     ^^ warning service-target-port: targetPort 53/TCP is not declared by any container of the pods Service \`web\` selects (Deployment \`web\`): port 53 is declared as UDP: set protocol: UDP on the Service port if that is the one.
`,
    },
    {
      name: 'same names in two namespaces: the one whose pods lack the port is reported',
      yaml: {
        'a.yaml':
          deployment(
            'web',
            '      containers: [{name: a, image: x, ports: [{name: http, containerPort: 80}]}]\n',
            'a',
          ) + `---\n${svcHead('web', '{app: web}', 'a')}  - {port: 80, targetPort: http}\n`,
        'b.yaml':
          deployment('web', '      containers: [{name: a, image: x, ports: [{name: web, containerPort: 80}]}]\n', 'b') +
          `---\n${svcHead('web', '{app: web}', 'b')}  - {port: 80, targetPort: http}
#                          ^^^^ error service-target-port
`,
      },
    },
  ],
});
