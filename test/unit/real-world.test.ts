/**
 * Public sample apps that deploy (../shared/real-world/<app>, each folder checked as one set): every
 * finding must be a true positive listed below with its reason from the Kubernetes rules. Anything else is
 * a false positive of some rule (or a true positive that is missing from the list, once justified).
 *
 * The list is to be finalised by the coordinator once every rule has landed: it records the findings of
 * the rules as they were when it was written, each checked against the API server's validation code.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { Workspace, checkWorkspace, withDefaults } from '../../server/src/engine';
import { collectFiles, readText } from '../../server/src/cli/files';
import { repoRoot } from '../harness';

interface TruePositive {
  /** `path/in/app:line:column severity rule-id` (1-based, as the CLI prints it). */
  at: string;
  /** Why this is what the API server (or the traffic path) would do. */
  why: string;
}

const INGRESS_NGINX_PLACEHOLDERS =
  'The documentation example leaves the placeholder for the reader to replace; as written, the API server rejects it';

const TRUE_POSITIVES: Record<string, TruePositive[]> = {
  'GoogleCloudPlatform__microservices-demo': [],
  'dockersamples__example-voting-app': [],
  kubernetes__examples: [
    {
      at: 'AI/vllm-deployment/hpa/gpu-dcgm-exporter-service-generic.yaml:17:3 warning service-selects-no-pods',
      why: 'The DCGM exporter pods come from the NVIDIA GPU operator, installed separately: no workload in the checked files has those labels (a warning, by definition of a reference to something absent).',
    },
    {
      at: 'AI/vllm-deployment/hpa/gpu-dcgm-exporter-service-gke.yaml:27:3 warning service-selects-no-pods',
      why: 'GKE runs the managed DCGM exporter in gke-managed-system itself; its pods are not in the checked files (warning).',
    },
  ],
  'kubernetes__ingress-nginx': [
    {
      at: 'docs/examples/auth/oauth-external-auth/vouch-proxy.yaml:21:18 error schema-type',
      why: 'EnvVar.value is a string; an unquoted `true` is a YAML boolean and the API server rejects the Deployment ("cannot unmarshal bool into ... of type string").',
    },
    {
      at: 'docs/examples/auth/oauth-external-auth/vouch-proxy.yaml:73:11 error ingress-host',
      why: `${INGRESS_NGINX_PLACEHOLDERS}: rules[].host must be a DNS-1123 subdomain (validateIngressRules), and \`__INGRESS_HOST__\` has upper case and underscores.`,
    },
    {
      at: 'docs/examples/auth/oauth-external-auth/vouch-proxy.yaml:85:7 error ingress-host',
      why: `${INGRESS_NGINX_PLACEHOLDERS}: validateIngressTLS checks every tls[].hosts entry with IsDNS1123Subdomain.`,
    },
    {
      at: 'docs/examples/auth/oauth-external-auth/vouch-proxy.yaml:86:17 error ingress-tls-secret-name',
      why: `${INGRESS_NGINX_PLACEHOLDERS}: validateIngressTLS checks tls[].secretName with validateTLSSecretName (a DNS-1123 subdomain).`,
    },
    {
      at: 'docs/examples/auth/oauth-external-auth/vouch-proxy.yaml:101:11 error ingress-host',
      why: `${INGRESS_NGINX_PLACEHOLDERS} (second Ingress of the file, same host placeholder).`,
    },
    {
      at: 'docs/examples/auth/oauth-external-auth/vouch-proxy.yaml:108:19 warning ingress-service-missing',
      why: 'The example routes to the Kubernetes dashboard, which the reader installs separately: the Service is not in the checked files (warning).',
    },
    {
      at: 'docs/examples/docker-registry/ingress-without-tls.yaml:13:11 error ingress-host',
      why: `${INGRESS_NGINX_PLACEHOLDERS}: \`registry.<your domain>\` is not a DNS-1123 subdomain.`,
    },
  ],
  stefanprodan__podinfo: [],
};

const realWorld = join(repoRoot(), '..', 'shared', 'real-world');

describe('real-world apps: only the listed true positives', () => {
  if (!existsSync(realWorld)) {
    it('skipped', (t) => t.skip(`${realWorld} is absent (it is shared data beside the repository)`));
    return;
  }
  const apps = readdirSync(realWorld)
    .filter((name) => statSync(join(realWorld, name)).isDirectory())
    .sort();
  for (const app of apps) {
    it(app, () => {
      const folder = join(realWorld, app);
      const ws = new Workspace();
      for (const f of collectFiles([folder])) ws.setText(relative(folder, f), readText(f));
      const thrown: string[] = [];
      const found = checkWorkspace(ws, {
        settings: withDefaults(),
        onRuleError: (rule, file, e) => thrown.push(`${rule.id} on ${file}: ${e}`),
      });
      assert.deepEqual(thrown, []);
      const actual = found.map(
        (d) => `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code}`,
      );
      const messages = new Map(
        found.map((d) => [
          `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code}`,
          d.message,
        ]),
      );
      const expected = (TRUE_POSITIVES[app] ?? []).map((p) => p.at);
      assert.deepEqual(
        actual.map((a) => (expected.includes(a) ? a : `${a}: ${messages.get(a)}`)),
        expected,
        `findings of ${app} differ from its list of true positives`,
      );
    });
  }
});
