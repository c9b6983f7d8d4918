/** A workspace of several files whose objects refer to each other, and random edits of it (for the incremental-update tests). */

/** A Deployment, a Service and an Ingress that refer to each other, with a few mistakes now and then. */
export function group(i: number, ns: string): string {
  const name = `app-${i}`;
  const port = i % 5 === 0 ? 'htp' : 'http';
  const nodePort = i % 4 === 0 ? `\n      nodePort: ${i % 12 === 0 ? 99999 : 30000 + (i % 8)}` : '';
  const backend = i % 7 === 0 ? `${name}-missing` : name;
  return `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
        tier: ${i % 2 ? 'api' : 'web'}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - name: http
              containerPort: ${8000 + i}
            - name: metrics
              containerPort: 9100
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  type: ${nodePort ? 'NodePort' : 'ClusterIP'}
  selector:
    app: ${name}${i % 3 === 0 ? '\n    tier: web' : ''}${i % 5 === 1 ? `\n    statefulset.kubernetes.io/pod-name: ${name}-1` : ''}
  ports:
    - name: web
      port: 80
      targetPort: ${port}${nodePort}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  rules:
    - host: ${name}.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: ${backend}
                port:
                  number: ${i % 6 === 0 ? 81 : 80}
`;
}

export function corpus(): Map<string, string> {
  const files = new Map<string, string>();
  files.set('shop/a.yaml', Array.from({ length: 8 }, (_, i) => group(i, 'shop')).join(''));
  files.set('shop/b.yaml', Array.from({ length: 6 }, (_, i) => group(i + 20, i % 2 ? 'shop' : 'blog')).join(''));
  files.set(
    'blog/c.yaml',
    `# services for other files' workloads\n${Array.from({ length: 5 }, (_, i) => group(i + 40, 'blog')).join('')}`,
  );
  return files;
}

/** Edits that change what rules look at: names, labels, selectors, ports, namespaces, documents, lines. */
export const EDITS: ((text: string, pick: (n: number) => number) => string)[] = [
  (t, pick) => replaceNth(t, /app: (app-\d+)/g, pick, (m) => `app: ${m[1]}x`),
  (t, pick) => replaceNth(t, /targetPort: (\w+)/g, pick, (m) => `targetPort: ${m[1] === 'http' ? 'htp' : 'http'}`),
  (t, pick) => replaceNth(t, /containerPort: (\d+)/g, pick, (m) => `containerPort: ${Number(m[1]) + 1}`),
  (t, pick) => replaceNth(t, /- name: (http|metrics)\n/g, pick, (m) => `- name: ${m[1] === 'http' ? 'htp' : 'http'}\n`),
  (t, pick) => replaceNth(t, /namespace: (\w+)/g, pick, (m) => `namespace: ${m[1] === 'shop' ? 'blog' : 'shop'}`),
  (t, pick) => replaceNth(t, /nodePort: (\d+)/g, pick, (m) => `nodePort: ${Number(m[1]) + 1}`),
  (t, pick) =>
    replaceNth(
      t,
      /name: (app-\d+(-missing)?)\n/g,
      pick,
      (m) => `name: ${m[1].endsWith('-missing') ? m[1].slice(0, -8) : `${m[1]}-missing`}\n`,
    ),
  (t, pick) => replaceNth(t, /number: (\d+)/g, pick, (m) => `number: ${m[1] === '80' ? 81 : 80}`),
  // one letter off: near-name hints ("did you mean"), closest-template hints
  (t, pick) => replaceNth(t, /name: (app-\d+)z?\n/g, pick, (m) => `name: ${m[0].includes('z') ? m[1] : `${m[1]}z`}\n`),
  (t, pick) => replaceNth(t, /tier: (web|api)/g, pick, (m) => `tier: ${m[1] === 'web' ? 'api' : 'web'}`),
  (t, pick) =>
    replaceNth(
      t,
      /type: (ClusterIP|NodePort)/g,
      pick,
      (m) => `type: ${m[1] === 'NodePort' ? 'ClusterIP' : 'NodePort'}`,
    ),
  // labels the controller adds: a StatefulSet's pods are named <name>-0 … <name>-<replicas-1>
  (t, pick) =>
    replaceNth(
      t,
      /kind: (Deployment|StatefulSet)/g,
      pick,
      (m) => `kind: ${m[1] === 'Deployment' ? 'StatefulSet' : 'Deployment'}`,
    ),
  (t, pick) => replaceNth(t, /replicas: (1|2)\n/g, pick, (m) => `replicas: ${m[1] === '1' ? 2 : 1}\n`),
  // documents: removed, duplicated, broken and mended
  (t, pick) => {
    const docs = t.split(/(?=^---$)/m);
    docs.splice(pick(docs.length), 1);
    return docs.join('');
  },
  (t, pick) => {
    const docs = t.split(/(?=^---$)/m);
    const i = pick(docs.length);
    docs.splice(i, 0, docs[i]);
    return docs.join('');
  },
  (t, pick) => replaceNth(t, /replicas: 2\n/g, pick, () => 'replicas: [2\n'),
  (t) => t.replace('replicas: [2\n', 'replicas: 2\n'),
  // lines added or removed above other documents: everything below moves
  (t, pick) => {
    const lines = t.split('\n');
    lines.splice(pick(lines.length), 0, '# a new comment line');
    return lines.join('\n');
  },
  (t) => t.replace(/^# a new comment line\n/m, ''),
];

function replaceNth(text: string, re: RegExp, pick: (n: number) => number, by: (m: RegExpExecArray) => string): string {
  const matches = [...text.matchAll(re)];
  if (!matches.length) return text;
  const m = matches[pick(matches.length)];
  return text.slice(0, m.index) + by(m as RegExpExecArray) + text.slice(m.index! + m[0].length);
}
