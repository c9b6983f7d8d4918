import { workloadAutoscaler } from '../../../server/src/engine/rules/workload-autoscaler';
import { ruleTable } from '../../harness';

const hpa = (spec: string, apiVersion = 'autoscaling/v2') => `apiVersion: ${apiVersion}
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
${spec}
`;

ruleTable(workloadAutoscaler, {
  valid: [
    {
      name: 'replica bounds and every kind of metric',
      yaml: hpa(`  minReplicas: 2
  maxReplicas: 2
  metrics:
    - type: Resource
      resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
    - type: Resource
      resource: {name: memory, target: {type: AverageValue, averageValue: 500Mi}}
    - type: ContainerResource
      containerResource: {name: cpu, container: app, target: {type: Utilization, averageUtilization: 60}}
    - type: Pods
      pods: {metric: {name: rps}, target: {type: AverageValue, averageValue: 1k}}
    - type: Object
      object:
        metric: {name: requests-per-second}
        describedObject: {apiVersion: networking.k8s.io/v1, kind: Ingress, name: main-route}
        target: {type: Value, value: 10k}
    - type: External
      external: {metric: {name: queue_messages_ready}, target: {type: AverageValue, averageValue: 30}}`),
    },
    { name: 'minReplicas left out (1)', yaml: hpa('  maxReplicas: 5') },
    {
      name: 'autoscaling/v1',
      yaml: hpa('  minReplicas: 1\n  maxReplicas: 3\n  targetCPUUtilizationPercentage: 80', 'autoscaling/v1'),
    },
  ],
  invalid: [
    {
      name: 'replica bounds',
      yaml:
        hpa(`  minReplicas: 10
  maxReplicas: 3
#              ^ error workload-autoscaler: maxReplicas (3) is less than minReplicas (10): raise maxReplicas or lower minReplicas.`) +
        '---\n' +
        hpa(`  minReplicas: 0
#              ^ error workload-autoscaler: minReplicas is 0: a HorizontalPodAutoscaler keeps at least 1 replica (leave minReplicas out for 1).
  maxReplicas: 0
#              ^ error workload-autoscaler: maxReplicas is 0: it must be at least 1.`),
    },
    {
      name: 'metric targets',
      yaml: hpa(`  maxReplicas: 5
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: utilization
#               ^^^^^^^^^^^ error workload-autoscaler: Metric target type \`utilization\` must be written \`Utilization\`.
          averageUtilization: 0
#                             ^ error workload-autoscaler: averageUtilization is 0: it is a percentage of the requests, at least 1.
    - type: Resource
      resource:
        name: memory
        target:
          type: Value
#         ^^^^ error workload-autoscaler: A resource metric target needs averageUtilization (a percentage of the requests) or averageValue; type Value is not available for resource metrics.
    - type: Resource
      resource:
        name: memory
        target:
          type: AverageValue
          averageUtilization: 80
          averageValue: 1Gi
#         ^^^^^^^^^^^^ error workload-autoscaler: A resource metric target sets both averageUtilization and averageValue: keep one of them.
    - type: External
      external:
        metric: {name: lag}
        target: {type: AverageValue, averageValue: "0"}
#                                                  ^^^ error workload-autoscaler: averageValue is 0: a metric target value must be positive.`),
    },
    {
      name: 'autoscaling/v1 target',
      yaml: hpa(
        `  maxReplicas: 3
  targetCPUUtilizationPercentage: 0
#                                 ^ error workload-autoscaler: targetCPUUtilizationPercentage is 0: it must be at least 1.`,
        'autoscaling/v1',
      ),
    },
  ],
});
