/** Fixed value sets of Kubernetes fields, each with the one-line explanation shown next to it in completions. */

export interface ValueDoc {
  value: string;
  doc: string;
}

export const SERVICE_TYPE_DOCS: readonly ValueDoc[] = [
  { value: 'ClusterIP', doc: 'The default: a virtual IP reachable only from inside the cluster.' },
  {
    value: 'NodePort',
    doc: 'ClusterIP, plus the same port opened on every node (from the node-port range), reachable from outside.',
  },
  {
    value: 'LoadBalancer',
    doc: 'NodePort, plus an external load balancer from the cloud provider in front of the nodes.',
  },
  { value: 'ExternalName', doc: 'A DNS alias (CNAME) to `externalName`: no virtual IP, no selector, no proxying.' },
];

export const PROTOCOL_DOCS: readonly ValueDoc[] = [
  { value: 'TCP', doc: 'The default.' },
  { value: 'UDP', doc: 'For DNS, QUIC, syslog and other datagram traffic.' },
  { value: 'SCTP', doc: 'Stream Control Transmission Protocol (needs a network plugin that supports it).' },
];

export const PATH_TYPE_DOCS: readonly ValueDoc[] = [
  {
    value: 'Prefix',
    doc: 'Matches by `/`-separated path elements: `/foo` matches `/foo` and `/foo/bar`, not `/foobar`.',
  },
  { value: 'Exact', doc: 'Matches the URL path exactly, case-sensitively.' },
  { value: 'ImplementationSpecific', doc: 'Matching is up to the Ingress controller (the IngressClass).' },
];

/** Keys of a Service port, in the order people write them (nodePort only for NodePort and LoadBalancer). */
export const SERVICE_PORT_KEYS: readonly ValueDoc[] = [
  {
    value: 'name',
    doc: "The port's name (a DNS label); required when the Service has more than one port. Ingresses and EndpointSlices refer to it.",
  },
  { value: 'port', doc: 'The port the Service listens on (its ClusterIP port).' },
  {
    value: 'targetPort',
    doc: 'The container port the traffic goes to: a number, or the name of a container port. Defaults to `port`.',
  },
  { value: 'protocol', doc: 'TCP (default), UDP or SCTP.' },
  {
    value: 'nodePort',
    doc: 'The port opened on every node (NodePort and LoadBalancer Services); chosen from the node-port range when omitted.',
  },
  {
    value: 'appProtocol',
    doc: 'The application protocol (e.g. `http`, `kubernetes.io/h2c`), a hint for implementations.',
  },
];

/** Whether a plain YAML 1.1 scalar with this text would not be read as a string (so it needs quotes). */
export function needsQuotes(text: string): boolean {
  if (text === '') return true;
  if (
    /^(?:~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/.test(
      text,
    )
  )
    return true;
  if (
    /^[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]+|[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+]?[0-9]+)?|\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/.test(
      text,
    )
  )
    return true;
  if (/^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(text) || /\s$/.test(text) || /: |\s#/.test(text)) return true;
  return false;
}

/** A string as a YAML value: plain when that reads back as the same string, else double-quoted. */
export function yamlString(text: string): string {
  return needsQuotes(text) ? JSON.stringify(text) : text;
}
