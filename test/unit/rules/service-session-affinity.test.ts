import { serviceSessionAffinity } from '../../../server/src/engine/rules/service-session-affinity';
import { ruleTable } from '../../harness';

const H = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\n';

ruleTable(serviceSessionAffinity, {
  valid: [
    {
      name: 'None, ClientIP, unset, empty',
      yaml: `${H}spec: {sessionAffinity: None}\n---\n${H}spec: {sessionAffinity: ClientIP}\n---\n${H}spec: {sessionAffinity: ""}\n---\n${H}spec: {ports: [{port: 80}]}\n`,
    },
    {
      name: 'ClientIP timeouts 1 and 86400',
      yaml: `${H}spec:\n  sessionAffinity: ClientIP\n  sessionAffinityConfig: {clientIP: {timeoutSeconds: 1}}\n---\n${H}spec:\n  sessionAffinity: ClientIP\n  sessionAffinityConfig: {clientIP: {timeoutSeconds: 86400}}\n`,
    },
    {
      name: 'a config with None is dropped by defaulting',
      yaml: `${H}spec:\n  sessionAffinity: None\n  sessionAffinityConfig: {clientIP: {timeoutSeconds: 0}}\n`,
    },
  ],
  invalid: [
    {
      name: 'unsupported values',
      yaml: `${H}spec:
  sessionAffinity: clientip
#                  ^^^^^^^^ error service-session-affinity: sessionAffinity \`clientip\` must be written \`ClientIP\`.
---
${H}spec:
  sessionAffinity: Cookie
#                  ^^^^^^ error service-session-affinity: Unsupported sessionAffinity \`Cookie\`: use None or ClientIP.
`,
    },
    {
      name: 'timeout out of range',
      yaml: `${H}spec:
  sessionAffinity: ClientIP
  sessionAffinityConfig:
    clientIP:
      timeoutSeconds: 86401
#                     ^^^^^ error service-session-affinity: timeoutSeconds 86401 is out of range: ClientIP session affinity lasts from 1 to 86400 seconds (default 10800).
---
${H}spec:
  sessionAffinity: ClientIP
  sessionAffinityConfig: {clientIP: {timeoutSeconds: 0}}
#                                                    ^ error service-session-affinity
`,
    },
  ],
});
