import { podSpec } from '../../../server/src/engine/rules/pod-spec';
import { ruleTable } from '../../harness';

const pod = (spec: string, container = '') => `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
${spec}
  containers:
    - name: app
      image: i
${container}`;

ruleTable(podSpec, {
  valid: [
    {
      name: 'every field set well',
      yaml: pod(
        `  hostname: web-0
  subdomain: web
  serviceAccountName: system.web-reader
  priorityClassName: high-priority
  hostAliases:
    - ip: 127.0.0.1
      hostnames: [foo.local, bar.local]
    - ip: "fe00::1"
      hostnames: [ip6.local]
  dnsPolicy: None
  dnsConfig:
    nameservers: [1.1.1.1, 2001:4860:4860::8888]
    searches: [ns1.svc.cluster.local., my.dns.search.suffix]
    options: [{name: ndots, value: "2"}, {name: edns0}]
  securityContext: {runAsUser: 1000, runAsGroup: 0, fsGroup: 2000, supplementalGroups: [4000]}`,
        '      securityContext: {runAsUser: 0}\n',
      ),
    },
    {
      name: 'no escalation, capabilities dropped and one added',
      yaml: pod(
        '',
        '      securityContext: {allowPrivilegeEscalation: false, privileged: false, capabilities: {drop: [ALL], add: [NET_BIND_SERVICE, SYS_ADMIN]}}\n',
      ),
    },
    {
      name: 'empty and null values are unset',
      yaml: pod('  hostname: ""\n  serviceAccountName:\n  dnsConfig: {}\n  hostAliases: []'),
    },
    {
      name: 'a Deployment template',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  selector: {matchLabels: {app: d}}
  template:
    metadata: {labels: {app: d}}
    spec:
      serviceAccountName: d
      containers: [{name: d, image: d}]
`,
    },
  ],
  invalid: [
    {
      name: 'DNS names of the pod and its references',
      yaml: pod(`  hostname: Web_0
#           ^^^^^ error pod-spec: hostname \`Web_0\` is invalid: a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name', or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?').
  subdomain: web.svc
#            ^^^^^^^ error pod-spec: subdomain \`web.svc\` is invalid: must not contain dots.
  serviceAccountName: web_reader
#                     ^^^^^^^^^^ error pod-spec: serviceAccountName \`web_reader\` is invalid: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*').`),
    },
    {
      name: 'hostAliases and DNS settings',
      yaml: pod(`  hostAliases:
    - ip: localhost
#         ^^^^^^^^^ error pod-spec: hostAliases ip \`localhost\` is not an IP address: hostAliases map hostnames to an address (use a Service name through DNS instead of an alias).
      hostnames: [Foo.Local]
#                 ^^^^^^^^^ error pod-spec: Hostname \`Foo.Local\` is invalid: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*').
  dnsConfig:
    nameservers: [1.1.1.1, 8.8.8.8, 9.9.9.9, dns.google]
#                                            ^^^^^^^^^^ error pod-spec: dnsConfig may list at most 3 nameservers (a libc limit).
#                                            ^^^^^^^^^^ error pod-spec: Nameserver \`dns.google\` is not an IP address: a nameserver is given by address.
    options: [{value: "2"}]
#              ^^^^^ error pod-spec: A dnsConfig option needs a name (e.g. ndots).`),
    },
    {
      name: 'dnsPolicy None without nameservers',
      yaml: pod(`  dnsPolicy: None
#            ^^^^ error pod-spec: dnsPolicy: None gives the pod no DNS settings at all: dnsConfig must list at least one nameserver.`),
    },
    {
      name: 'a privileged container that forbids privilege escalation',
      yaml: pod(
        '',
        `      securityContext:
        privileged: true
        allowPrivilegeEscalation: false
#                                 ^^^^^ error pod-spec: allowPrivilegeEscalation: false contradicts privileged: true in container \`app\`: a privileged container can always escalate. Remove one of them.
`,
      ),
    },
    {
      name: 'user and group IDs out of range',
      yaml: pod(
        `  securityContext:
    runAsUser: -1
#              ^^ error pod-spec: runAsUser -1 of the pod is out of range: user and group IDs are from 0 to 2147483647.`,
        `      securityContext:
        runAsGroup: 4294967295
#                   ^^^^^^^^^^ error pod-spec: runAsGroup 4294967295 of container \`app\` is out of range: user and group IDs are from 0 to 2147483647.
`,
      ),
    },
  ],
});
