import { ingressBackend } from './ingress-backend';
import { ingressBackendPort } from './ingress-backend-port';
import { ingressClass } from './ingress-class';
import { ingressDuplicatePath } from './ingress-duplicate-path';
import { ingressHost } from './ingress-host';
import { ingressLegacyBackend } from './ingress-legacy-backend';
import { ingressNoRoutes } from './ingress-no-routes';
import { ingressPath } from './ingress-path';
import { ingressPathType } from './ingress-path-type';
import { ingressServiceMissing } from './ingress-service-missing';
import { ingressServicePort } from './ingress-service-port';
import { ingressTlsSecretName } from './ingress-tls-secret-name';
import type { Rule } from './rule';

/** Rules on networking.k8s.io/v1 Ingresses and the Services they route to. */
export const INGRESS_RULES: readonly Rule[] = [
  ingressNoRoutes,
  ingressHost,
  ingressPathType,
  ingressPath,
  ingressBackend,
  ingressBackendPort,
  ingressLegacyBackend,
  ingressTlsSecretName,
  ingressClass,
  ingressServiceMissing,
  ingressServicePort,
  ingressDuplicatePath,
];
