import { podVolumes } from '../../../server/src/engine/rules/pod-volumes';
import { ruleTable } from '../../harness';

const pod = (volumes: string) => `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: c, image: i}]
  volumes:
${volumes}
`;

ruleTable(podVolumes, {
  valid: [
    {
      name: 'octal and decimal modes, items inside the volume, a projected token',
      yaml: pod(`    - name: cfg
      configMap: {name: app, defaultMode: 0644, items: [{key: app.yaml, path: conf/app.yaml, mode: 0400}]}
    - {name: s, secret: {secretName: s, defaultMode: 420}}
    - name: proj
      projected:
        defaultMode: 0o440
        sources:
          - serviceAccountToken: {path: token, expirationSeconds: 600, audience: vault}
          - downwardAPI: {items: [{path: labels, fieldRef: {fieldPath: metadata.labels}}, {path: cpu, resourceFieldRef: {containerName: c, resource: limits.cpu}}]}
    - {name: host, hostPath: {path: /var/run/..sock}}`),
    },
    {
      name: 'unique DNS-label names',
      yaml: pod('    - {name: config, configMap: {name: app}}\n    - {name: data-1, emptyDir: {}}'),
    },
    {
      name: 'every common source',
      yaml: pod(
        '    - {name: a, secret: {secretName: s}}\n    - {name: b, persistentVolumeClaim: {claimName: c}}\n    - {name: c, hostPath: {path: /var/log}}\n    - {name: d, projected: {sources: []}}\n    - {name: e, downwardAPI: {items: []}}\n    - {name: f, csi: {driver: x}}\n    - name: g\n      ephemeral: {volumeClaimTemplate: {spec: {}}}',
      ),
    },
    { name: 'an unknown source key is left to the schema check', yaml: pod('    - {name: a, emtpyDir: {}}') },
  ],
  invalid: [
    {
      name: 'decimal modes, items that leave the volume, a short token, a fieldRef a file cannot hold',
      yaml: pod(`    - name: cfg
      configMap:
        name: app
        defaultMode: 644
#                    ^^^ error pod-volumes: defaultMode 644 is read as the decimal number 644, above 0777 (511): file modes are octal, so write 0644 (YAML reads a leading 0 as octal) or 420.
        items:
          - {key: a, path: /etc/a, mode: 1000}
#                          ^^^^^^ error pod-volumes: Item path \`/etc/a\` must be a relative path (it is joined to the volume): it names a file inside the volume.
#                                        ^^^^ error pod-volumes: mode 1000 is out of range: a file mode is between 0 and 0777 (octal; 0 to 511 in decimal).
          - {key: b, path: ../b}
#                          ^^^^ error pod-volumes: Item path \`../b\` must not contain '..': it names a file inside the volume.
          - {path: c}
#            ^^^^ error pod-volumes: This item has no key: name the key of the ConfigMap or Secret to project.
    - name: proj
      projected:
        sources:
          - serviceAccountToken: {path: token, expirationSeconds: 300}
#                                                                 ^^^ error pod-volumes: expirationSeconds 300 is less than 10 minutes: a projected service account token lives at least 600 seconds (the default is 3600).
          - downwardAPI: {items: [{path: node, fieldRef: {fieldPath: spec.nodeName}}]}
#                                                                    ^^^^^^^^^^^^^ error pod-volumes: fieldPath \`spec.nodeName\` cannot be read by a downwardAPI volume: use one of metadata.name, metadata.namespace, metadata.labels, metadata.annotations, metadata.uid, or metadata.labels['<key>'] / metadata.annotations['<key>'].
    - {name: host, hostPath: {path: /var/../etc}}
#                                   ^^^^^^^^^^^ error pod-volumes: hostPath \`/var/../etc\` must not contain '..': write the path on the node without going up.`),
    },
    {
      name: 'invalid, missing and duplicate names',
      yaml: pod(`    - {name: Config, configMap: {name: app}}
#            ^^^^^^ error pod-volumes: Volume name \`Config\` is invalid: a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name', or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?').
    - emptyDir: {}
#     ^^^^^^^^ error pod-volumes: A volume has no name: every volume needs one, for volumeMounts to refer to it.
    - {name: data, emptyDir: {}}
    - {name: data, secret: {secretName: s}}
#            ^^^^ error pod-volumes: Volume name \`data\` is used twice in this pod: volume names must be unique.`),
    },
    {
      name: 'no source, a null source, two sources, missing source names',
      yaml: pod(`    - name: nothing
#     ^^^^ error pod-volumes: Volume \`nothing\` has no source: set one of emptyDir: {}, configMap, secret, persistentVolumeClaim, hostPath, projected, ...
    - name: cache
      emptyDir:
#     ^^^^^^^^ error pod-volumes: Volume \`cache\` has an empty emptyDir: YAML reads \`emptyDir:\` without a value as null, which is no source at all. Write emptyDir: {}.
    - name: both
      emptyDir: {}
      configMap: {name: x}
#     ^^^^^^^^^ error pod-volumes: Volume \`both\` has two sources, emptyDir and configMap: a volume has exactly one (use two volumes).
    - {name: cfg, configMap: {optional: true}}
#                 ^^^^^^^^^ error pod-volumes: configMap of volume \`cfg\` has no name: name the ConfigMap to mount.
    - {name: claim, persistentVolumeClaim: {readOnly: true}}
#                   ^^^^^^^^^^^^^^^^^^^^^ error pod-volumes: persistentVolumeClaim of volume \`claim\` has no claimName: name the PersistentVolumeClaim to mount.`),
    },
  ],
});
