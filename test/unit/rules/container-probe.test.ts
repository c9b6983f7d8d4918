import { containerProbe } from '../../../server/src/engine/rules/container-probe';
import { ruleTable } from '../../harness';

const pod = (container: string, extra = '') => `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
${extra}  containers:
    - name: app
      image: i
      ports: [{name: http, containerPort: 8080}]
${container}
`;

ruleTable(containerProbe, {
  valid: [
    {
      name: 'zero counts mean the defaults',
      yaml: pod(
        '      livenessProbe: {tcpSocket: {port: 8080}, successThreshold: 0, periodSeconds: 0, timeoutSeconds: 0, failureThreshold: 0, initialDelaySeconds: 0}',
      ),
    },
    {
      name: 'a sleep hook within a raised grace period',
      yaml: pod('      lifecycle: {preStop: {sleep: {seconds: 60}}}', '  terminationGracePeriodSeconds: 90\n'),
    },
    {
      name: 'probes by number, by declared name, exec, grpc, and hooks',
      yaml: pod(`      livenessProbe: {httpGet: {path: /healthz, port: http, scheme: HTTPS}}
      readinessProbe: {tcpSocket: {port: 8080}, successThreshold: 3}
      startupProbe: {exec: {command: [cat, /tmp/ready]}, failureThreshold: 30}
      lifecycle:
        preStop: {sleep: {seconds: 5}}
        postStart: {exec: {command: [sh, -c, "echo hi"]}}`),
    },
    { name: 'grpc probe', yaml: pod('      livenessProbe: {grpc: {port: 9090}}') },
    {
      name: 'probes on a sidecar init container',
      yaml: pod(
        '',
        '  initContainers:\n    - {name: proxy, image: envoy, restartPolicy: Always, ports: [{name: admin, containerPort: 9901}], readinessProbe: {httpGet: {port: admin}}}\n',
      ),
    },
    {
      name: 'a kustomize patch may probe a port of the base',
      yaml: {
        'kustomization.yaml': 'patches:\n  - path: p.yaml\n',
        'p.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers: [{name: web, readinessProbe: {httpGet: {path: /, port: http}}}]\n',
      },
    },
  ],
  invalid: [
    {
      name: 'negative counts, a zero grace period, a sleep longer than the grace period',
      yaml: pod(`      livenessProbe:
        tcpSocket: {port: 8080}
        periodSeconds: -1
#                      ^^ error container-probe: periodSeconds of the livenessProbe is -1: it must be 0 or more (0 means the default).
        terminationGracePeriodSeconds: 0
#                                      ^ error container-probe: terminationGracePeriodSeconds of the livenessProbe is 0: it must be greater than 0 (or left out to use the pod's).
      readinessProbe: {tcpSocket: {port: 8080}, failureThreshold: -3}
#                                                                 ^^ error container-probe: failureThreshold of the readinessProbe is -3: it must be 0 or more (0 means the default).
      lifecycle:
        preStop:
          sleep: {seconds: 45}
#                          ^^ error container-probe: The preStop sleep of 45 seconds is longer than the pod's terminationGracePeriodSeconds (30): sleep at most 30 seconds, or raise terminationGracePeriodSeconds.`),
    },
    {
      name: 'a named port the container does not declare',
      yaml: pod(`      livenessProbe:
        httpGet: {path: /healthz, port: health}
#                                       ^^^^^^ error container-probe: httpGet port \`health\` names no port of container \`app\` (it has \`http\`): the kubelet looks the name up in the container's own ports, so the probe always fails.`),
    },
    {
      name: 'handlers: none, two, and bad ports',
      yaml: pod(`      livenessProbe: {initialDelaySeconds: 5}
#     ^^^^^^^^^^^^^ error container-probe: livenessProbe of container \`app\` has no handler: set one of exec, httpGet, tcpSocket, grpc.
      readinessProbe:
        httpGet: {port: 70000, scheme: https}
#                       ^^^^^ error container-probe: httpGet port 70000 is out of range: use a port number from 1 to 65535.
#                                      ^^^^^ error container-probe: scheme \`https\` must be written \`HTTPS\` (the API server is case-sensitive).
        tcpSocket: {port: Metrics_Port}
#       ^^^^^^^^^ error container-probe: readinessProbe has both httpGet and tcpSocket: use exactly one handler.
#                         ^^^^^^^^^^^^ error container-probe: tcpSocket port \`Metrics_Port\` is neither a number nor a valid port name: must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-).
      startupProbe:
        exec: {command: []}
#       ^^^^ error container-probe: exec of the startupProbe has no command: set the command to run.
        successThreshold: 2
#                         ^ error container-probe: successThreshold of a startupProbe must be 1 (it is 2).`),
    },
    {
      name: 'probes on an ordinary init container',
      yaml: pod(
        '',
        `  initContainers:
    - name: migrate
      image: i
      readinessProbe: {exec: {command: ["true"]}}
#     ^^^^^^^^^^^^^^ error container-probe: Init container \`migrate\` is an init container: readinessProbe is only allowed on init containers with restartPolicy: Always (sidecars).
`,
      ),
    },
    {
      name: 'a quoted port number',
      yaml: pod(`      readinessProbe:
        httpGet: {path: /, port: "8080"}
#                                ^^^^^^ error container-probe: httpGet port "8080" is quoted, so it is read as a port name, which needs a letter: write 8080 without quotes.`),
    },
    {
      name: 'lifecycle hook without handler, tcpSocket without port',
      yaml: pod(`      lifecycle:
        preStop: {}
#       ^^^^^^^ error container-probe: preStop of container \`app\` has no handler: set one of exec, httpGet, tcpSocket, sleep.
      readinessProbe:
        tcpSocket: {host: localhost}
#       ^^^^^^^^^ error container-probe: tcpSocket of the readinessProbe has no port: set a port number or the name of a container port.`),
    },
  ],
});
