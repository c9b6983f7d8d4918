/** Manifests with large fans (issue 17): one Service selecting many Deployments, one Ingress routing to many Services. */

/** One Service `web` selecting `n` Deployments that declare container port `http`. */
export function serviceFan(n: number, targetPort = 'http'): string {
  let s = `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: ${targetPort}\n`;
  for (let i = 0; i < n; i++) {
    const port = 'http';
    s += `---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web-${i}\nspec:\n  selector:\n    matchLabels: {app: web, i: "${i}"}\n  template:\n    metadata:\n      labels: {app: web, i: "${i}"}\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27\n          ports: [{name: ${port}, containerPort: 8080}]\n`;
  }
  return s;
}

/** One Ingress with `n` paths, each to its own Service that selects its own Deployment. */
export function ingressFan(n: number): string {
  let s =
    'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: big\nspec:\n  rules:\n    - host: a.example.com\n      http:\n        paths:\n';
  for (let i = 0; i < n; i++)
    s += `          - {path: /p${i}, pathType: Prefix, backend: {service: {name: svc-${i}, port: {number: 80}}}}\n`;
  for (let i = 0; i < n; i++) {
    s += `---\napiVersion: v1\nkind: Service\nmetadata: {name: svc-${i}}\nspec:\n  selector: {app: a${i}}\n  ports: [{port: 80, targetPort: 8080}]\n`;
    s += `---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app-${i}}\nspec:\n  selector: {matchLabels: {app: a${i}}}\n  template:\n    metadata: {labels: {app: a${i}}}\n    spec: {containers: [{name: app, image: i, ports: [{containerPort: 8080}]}]}\n`;
  }
  return s;
}
