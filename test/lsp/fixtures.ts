/** Manifests shared by the LSP tests: a Deployment and Service in one file, an Ingress routing to it (and to a missing `api`) in another. */

export const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: app
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  type: nodeport
  selector:
    app: web
  ports:
    - name: http
      port: 80
      targetPort: http
`;

export const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: shop
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  name: http
          - path: /api
            pathType: Prefix
            backend:
              service:
                name: api
                port:
                  number: 80
`;
