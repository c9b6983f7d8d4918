import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Workspace } from '../../../server/src/engine/model/workspace';
import { buildGraph } from '../../../server/src/engine/graph/build';
import { renderPage } from '../../../server/src/engine/graph/html';
import { layoutGraphSync } from '../../../server/src/engine/graph/layout';
import { escapeXml, renderSvg } from '../../../server/src/engine/graph/render';
import { withEmbeddedStyle } from '../../../server/src/engine/graph/style';
import { assertWellFormedXml, decode, textsOf } from './xml';

function render(
  files: Record<string, string>,
  standalone = true,
): { svg: string; graph: ReturnType<typeof buildGraph> } {
  const ws = new Workspace();
  for (const [name, text] of Object.entries(files)) ws.setText(name, text);
  const graph = buildGraph(ws);
  return { svg: renderSvg(layoutGraphSync(graph), { standalone }), graph };
}

/** Hostile text in every place a manifest's strings reach the picture: names, hosts, paths, annotations, labels. */
const HOSTILE = {
  'evil.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: "evil<script>alert(1)</script>"
  namespace: "ns&<b>"
  annotations:
    note: "<script>alert('a')</script> & \\"quoted\\""
    nginx.ingress.kubernetes.io/configuration-snippet: "</title><script>x()</script>"
spec:
  rules:
    - host: "<script>h()</script>.example.com"
      http:
        paths:
          - path: "/a?x=\\"1\\"&y=<b>"
            pathType: ImplementationSpecific
            backend:
              service:
                name: "svc\\"&<i>"
                port:
                  name: "p<&>"
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: "dep&'quote'"
  namespace: "ns&<b>"
spec:
  selector: {matchLabels: {app: "a&<b>"}}
  template:
    metadata: {labels: {app: "a&<b>"}}
    spec:
      containers:
        - name: "c<script>"
          image: x
          ports: [{name: "n&\\"", containerPort: 80}]
`,
};

describe('SVG renderer', () => {
  it('renders hostile names, hosts, paths and annotations as text', () => {
    const { svg, graph } = render(HOSTILE);
    assertWellFormedXml(svg);
    assert.doesNotMatch(svg, /<script/i);
    assert.doesNotMatch(svg, /<\/title><script/);
    assert.doesNotMatch(svg, /<b>|<i>/);
    assert.match(svg, /&lt;script&gt;h\(\)&lt;\/script&gt;\.example\.com/);
    assert.match(svg, /\/a\?x=&quot;1&quot;&amp;y=&lt;b&gt;/);
    // Annotations are in the Ingress's tooltip, escaped.
    assert.match(svg, /note: &lt;script&gt;alert\(&#39;a&#39;\)&lt;\/script&gt; &amp; &quot;quoted&quot;/);
    assert.match(svg, /configuration-snippet: &lt;\/title&gt;&lt;script&gt;x\(\)&lt;\/script&gt;/);
    // Every name comes back out as the same text.
    const titles = textsOf(svg, 'kw-title');
    for (const n of graph.nodes.filter((x) => !x.missing))
      assert.ok(titles.includes(n.name), `${n.name} drawn in ${JSON.stringify(titles)}`);
    assert.deepEqual(textsOf(svg, 'kw-ns-title').length, 0, 'the namespace title is a text with a tspan');
    assert.match(svg, /namespace <tspan class="kw-ns-name">ns&amp;&lt;b&gt;<\/tspan>/);
    // Attributes carry the raw values escaped, for the viewer.
    assert.match(svg, /data-name="evil&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
    assert.match(svg, /data-ns="ns&amp;&lt;b&gt;"/);
  });

  it('renders the same hostile text safely inside the HTML page; the viewer is the only script', () => {
    const { svg } = render(HOSTILE, false);
    const page = renderPage({ nonce: 'n0nce', title: 'x <script>', svg });
    assert.equal(page.match(/<script/g)?.length, 1);
    assert.match(page, /<script nonce="n0nce">/);
    assert.match(page, /<title>x &lt;script&gt;<\/title>/);
    assert.match(
      page,
      /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;nonce-n0nce&#39;; script-src &#39;nonce-n0nce&#39;;/,
    );
    // Nothing to fetch: no src or href, no @import, url() only to the SVG's own markers.
    assert.doesNotMatch(page, /\s(src|href|xlink:href)=/);
    assert.doesNotMatch(page, /@import/);
    assert.deepEqual([...new Set(page.match(/url\([^)]*\)/g))].sort(), ['url(#kw-arrow)', 'url(#kw-arrow-broken)']);
  });

  it('marks broken edges red and dashed with the reason in their title, and missing targets dashed', () => {
    const { svg, graph } = render({
      'a.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop}
spec:
  defaultBackend: {service: {name: gone, port: {number: 80}}}
---
apiVersion: v1
kind: Service
metadata: {name: lonely}
spec: {selector: {app: nothing}, ports: [{port: 80}]}
`,
    });
    assertWellFormedXml(svg);
    const broken = [
      ...svg.matchAll(/<g class="kw-edge (kw-\w+) kw-broken"[^>]*data-broken="true"[^>]*>\n<title>([^<]*)<\/title>/g),
    ];
    assert.equal(broken.length, 2);
    const reasons = graph.edges.filter((e) => e.broken).map((e) => e.reason!);
    assert.deepEqual(
      broken.map((m) => m[1]),
      ['kw-routes', 'kw-selects'],
    );
    broken.forEach((m, i) => assert.ok(decode(m[2]).includes(reasons[i]), `${decode(m[2])} includes ${reasons[i]}`));
    assert.equal(svg.match(/marker-end="url\(#kw-arrow-broken\)"/g)?.length, 2);
    assert.equal(svg.match(/<g class="kw-node [^"]*kw-missing/g)?.length, 2);
    assert.match(svg, /<text class="kw-line kw-warn"[^>]*>not in the checked files<\/text>/);
  });

  it('embeds the theme styles only in a standalone SVG, with theme variables and fallbacks', () => {
    const files = { 's.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n' };
    const standalone = render(files).svg;
    const bare = render(files, false).svg;
    assert.match(standalone, /<style>/);
    assert.doesNotMatch(bare, /<style>/);
    assert.match(standalone, /var\(--vscode-editor-background, #ffffff\)/);
    assert.match(standalone, /prefers-color-scheme: dark/);
    assert.equal(withEmbeddedStyle(bare), standalone);
    assertWellFormedXml(withEmbeddedStyle(bare));
  });

  it('is deterministic, and says so when there is nothing to draw', () => {
    assert.equal(render(HOSTILE).svg, render(HOSTILE).svg);
    const empty = render({ 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n' }).svg;
    assertWellFormedXml(empty);
    assert.deepEqual(textsOf(empty, 'kw-empty'), ['No Ingress, Service or workload in these files.']);
  });

  it('escapes characters XML forbids instead of writing them; shows control characters in text as escapes', () => {
    assert.equal(escapeXml('a\u0001b<&>"\''), 'a\uFFFDb&lt;&amp;&gt;&quot;&#39;');
    const { svg } = render({
      'c.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: "bell\\a\\u202e"}\nspec: {ports: [{port: 80}]}\n',
    });
    assertWellFormedXml(svg);
    assert.ok(textsOf(svg, 'kw-title').includes('bell\\x07\\u202e'));
    // Data attributes keep the name itself (the viewer finds objects by it), minus what XML forbids.
    assert.match(svg, /data-name="bell\uFFFD\u202e"/);
  });
});
