/**
 * The traffic graph as plain JSON (`kubeway graph --format json`, the `kubeway/graph` request): who routes
 * to whom, with file and 0-based line of every object so that a click can reveal it.
 */

export type GraphNodeKind =
  | 'Ingress'
  | 'Service'
  | 'Deployment'
  | 'StatefulSet'
  | 'DaemonSet'
  | 'ReplicaSet'
  | 'ReplicationController'
  | 'Job'
  | 'CronJob'
  | 'Pod';

export interface IngressRoute {
  host?: string;
  path?: string;
  pathType?: string;
  /** `web:http`, `web:80`, or `resource Kind/name` for a resource backend. */
  backend: string;
  defaultBackend?: true;
}

export interface ServicePortInfo {
  name?: string;
  port?: number;
  targetPort?: number | string;
  protocol: string;
  nodePort?: number;
}

export interface ContainerInfo {
  name?: string;
  /** A sidecar is an init container with restartPolicy: Always; it serves traffic like an app container. */
  sidecar?: true;
  ports: { name?: string; containerPort?: number; protocol: string }[];
}

export interface GraphNode {
  /** `Kind/namespace/name`; `missing:Kind/namespace/name` for a target that is not in the files. */
  id: string;
  kind: GraphNodeKind;
  name: string;
  namespace: string;
  /** The file that declares the object (for a missing target: the file that refers to it). */
  file: string;
  /** 0-based line of the object's first key (for a missing target: of the reference). */
  line: number;
  /** Drawn because something refers to it, but no such object is in the checked files. */
  missing?: true;
  /** From the last good version of a file that now has a syntax error. */
  stale?: true;
  // Ingress
  ingressClassName?: string;
  /** The Ingress's annotations: controllers read routing options from them (rewrite-target, ...). */
  annotations?: Record<string, string>;
  tlsHosts?: string[];
  routes?: IngressRoute[];
  // Service
  type?: string;
  ports?: ServicePortInfo[];
  selector?: Record<string, string>;
  externalName?: string;
  headless?: true;
  // workloads
  /** Desired pods: spec.replicas (default 1), a Job's parallelism; absent for DaemonSets and CronJobs. */
  replicas?: number;
  labels?: Record<string, string>;
  containers?: ContainerInfo[];
}

/** One Service port followed into one workload: port → targetPort → containerPort. */
export interface PortMapping {
  name?: string;
  port?: number;
  protocol: string;
  targetPort?: number | string;
  /** The container port it lands on, when the template declares it. */
  containerPort?: number;
  container?: string;
  /** A named targetPort that no selected workload declares (with this protocol). */
  broken?: true;
}

export interface GraphEdge {
  from: string;
  to: string;
  kind: 'routes' | 'selects';
  /** routes: the Service port the backend names (its name or number). */
  port?: string | number;
  broken: boolean;
  /** Why the edge is broken: the text of the diagnostic kubeway gives for it. */
  reason?: string;
  /** routes: the rule's host (absent: any host), path and pathType. */
  host?: string;
  path?: string;
  pathType?: string;
  /** routes: the Ingress's default backend. */
  defaultBackend?: true;
  /** selects: each Service port followed into the workload. */
  ports?: PortMapping[];
  /** Where the reference is written (the backend's Service name, or the selector / targetPort). */
  file: string;
  line: number;
}

export interface TrafficGraph {
  version: 1;
  nodes: GraphNode[];
  edges: GraphEdge[];
}
