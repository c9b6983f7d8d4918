/** A CustomResourceDefinition using every schema feature kubeway validates, for the crd-* rule tables. */
export const WIDGET_CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  names: {kind: Widget, plural: widgets}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    subresources: {status: {}}
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            description: What the widget should be.
            required: [size]
            x-kubernetes-validations:
            - rule: self.minReplicas <= self.maxReplicas
              message: minReplicas must not exceed maxReplicas
            - rule: self.size == oldSelf.size
              message: size is immutable
            properties:
              size: {type: string, enum: [small, medium, large], description: How big it is.}
              minReplicas: {type: integer, minimum: 0, default: 1}
              maxReplicas: {type: integer, maximum: 10, default: 3}
              name: {type: string, maxLength: 8, pattern: '^[a-z]+$'}
              ratio: {type: number, exclusiveMinimum: true, minimum: 0}
              enabled: {type: boolean}
              port: {x-kubernetes-int-or-string: true}
              labels:
                type: object
                maxProperties: 2
                additionalProperties: {type: string}
                x-kubernetes-validations:
                - {rule: 'self.all(k, k.size() <= 5)', message: label keys are at most 5 characters}
              config: {type: object, x-kubernetes-preserve-unknown-fields: true}
              template: {type: object, x-kubernetes-embedded-resource: true, x-kubernetes-preserve-unknown-fields: true}
              tags: {type: array, items: {type: string}, x-kubernetes-list-type: set, maxItems: 3}
              ports:
                type: array
                x-kubernetes-list-type: map
                x-kubernetes-list-map-keys: [name]
                items:
                  type: object
                  required: [name]
                  properties:
                    name: {type: string}
                    number: {type: integer, format: int32}
                x-kubernetes-validations:
                - rule: self.all(p, p.number > 1024)
                  messageExpression: "'port numbers must be above 1024 (' + string(self.size()) + ' ports)'"
              endpoint: {type: string, format: ipv4}
              address:
                type: string
                anyOf: [{format: ipv4}, {format: ipv6}]
          status: {type: object, properties: {ready: {type: boolean}}}
  - name: v1beta1
    served: false
    storage: false
`;

/** A Widget with every field set right. */
export const GOOD_WIDGET = `apiVersion: example.com/v1
kind: Widget
metadata: {name: w, namespace: shop}
spec:
  size: medium
  minReplicas: 2
  maxReplicas: 4
  name: abc
  ratio: 0.5
  enabled: true
  port: http
  labels: {a: x, b: "y"}
  config: {anything: [1, 2], goes: {here: true}}
  template: {apiVersion: v1, kind: ConfigMap, metadata: {name: c}, data: {k: v}}
  tags: [red, green]
  ports:
  - {name: http, number: 8080}
  - {name: admin, number: 9090}
  endpoint: 10.0.0.1
  address: "fd00::1"
status: {whatever: 1}
`;
