import assert from 'node:assert/strict';
import { it } from 'node:test';
import { serviceExternalName } from '../../../server/src/engine/rules/service-external-name';
import { check, ruleTable } from '../../harness';

const H = 'apiVersion: v1\nkind: Service\nmetadata: {name: db}\n';
const ext = (value: string) => `${H}spec:\n  type: ExternalName\n  externalName: ${value}\n`;

ruleTable(serviceExternalName, {
  valid: [
    {
      name: 'DNS names, with a trailing dot',
      yaml: [ext('db.example.com'), ext('db.example.com.'), ext('localhost'), ext('my-db.prod.svc.cluster.local')].join(
        '---\n',
      ),
    },
    { name: 'an IP address is a name made of digits for the API server', yaml: ext('10.0.0.1') },
    {
      name: 'ExternalName with a selector and ports',
      yaml: `${H}spec:\n  type: ExternalName\n  externalName: db.example.com\n  selector: {app: nothing}\n  ports: [{port: 5432}]\n`,
    },
    {
      name: 'externalName on another type is ignored',
      yaml: `${H}spec:\n  externalName: "https://x"\n  ports: [{port: 80}]\n`,
    },
    { name: "a wrong-case type is service-type's", yaml: `${H}spec:\n  type: externalname\n` },
  ],
  invalid: [
    {
      name: 'missing, empty, only a dot',
      yaml: `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Service
  metadata: {name: db}
  spec:
# ^^^^ error service-external-name: Service \`db\` is of type ExternalName but has no externalName: set externalName to the DNS name it stands for (e.g. db.example.com).
    type: ExternalName
- apiVersion: v1
  kind: Service
  metadata: {name: db2}
  spec:
    type: ExternalName
    externalName: ""
#                 ^^ error service-external-name: Service \`db2\` is of type ExternalName but has no externalName: set externalName to the DNS name it stands for (e.g. db.example.com).
- apiVersion: v1
  kind: Service
  metadata: {name: db3}
  spec: {type: ExternalName, externalName: "."}
#                                          ^^^ error service-external-name
`,
    },
    {
      name: 'URLs, ports, paths, uppercase, underscores',
      yaml: `${ext('https://db.example.com/path')}#               ^^^^^^^^^^^^^^^^^^^^^^^^^^^ error service-external-name: externalName \`https://db.example.com/path\` must be a DNS name, not a URL or an address with a port or path: use \`db.example.com\` (ports belong in spec.ports).
---
${ext('db.example.com:5432')}#               ^^^^^^^^^^^^^^^^^^^ error service-external-name: externalName \`db.example.com:5432\` must be a DNS name, not a URL or an address with a port or path: use \`db.example.com\` (ports belong in spec.ports).
---
${ext('DB.Example.com')}#               ^^^^^^^^^^^^^^ error service-external-name: externalName \`DB.Example.com\` is invalid: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*').
---
${ext('my_db.example.com')}#               ^^^^^^^^^^^^^^^^^ error service-external-name: externalName \`my_db.example.com\` is invalid: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*').
---
${ext('db..example.com')}#               ^^^^^^^^^^^^^^^ error service-external-name: externalName \`db..example.com\` is invalid: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*').
---
${ext('-db.example.com')}#               ^^^^^^^^^^^^^^^ error service-external-name: externalName \`-db.example.com\` is invalid: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*').
`,
    },
  ],
});

it('service-external-name fixes keep the host name', () => {
  const yaml = [
    ext('https://DB.example.com:443/x?y'),
    ext('user@db.example.com'),
    ext('DB.example.com'),
    ext('my_db.example.com'),
  ].join('---\n');
  const found = check(yaml, { rules: [serviceExternalName] });
  assert.deepEqual(
    found.map((d) => d.fix?.edits[0].newText),
    ['db.example.com', 'db.example.com', 'db.example.com', undefined],
  );
});
