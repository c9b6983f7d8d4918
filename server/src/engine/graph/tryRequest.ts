/**
 * The diagram's "Try a request" field: a URL typed in the toolbar is traced through the routing table that
 * comes with the page (`kubeway graph --format html`: `window.kubewayRoutes`; the webview: the `graph` message), by the
 * very functions the CLI uses (their source is inlined: they are self-contained), and the hops it takes light
 * up with the reasons listed under the toolbar.
 */
import { matchIngressView, traceTable } from '../route/match';
import { parseRequest, parseRequestLine } from '../route/request';
import type { RoutingTable } from '../route/types';
import { escapeJsonControls } from '../text';

/**
 * The routing table as a statement of the page's one script (JSON is a JavaScript expression; `<`, U+2028 and
 * U+2029 escaped, so that no text of the manifests can end the script or the line).
 */
export function routesStatement(table: RoutingTable | undefined): string {
  if (!table) return '';
  return `window.kubewayRoutes = ${escapeJsonControls(JSON.stringify(table))
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')};\n`;
}

export const TRY_REQUEST_CSS = `
#kw-request { width: 22em; }
#kw-trace { padding: 4px 10px 6px; border-bottom: 1px solid var(--vscode-panel-border, rgba(128,128,128,0.35)); max-height: 34vh; overflow: auto; }
#kw-trace[hidden] { display: none; }
.kw-trace-head { font-weight: 600; margin-top: 4px; }
.kw-trace-outcome { display: inline-block; padding: 0 6px; border-radius: 3px; margin-right: 6px; font-weight: 600; color: #fff; background: #2e7d32; }
.kw-trace-outcome.kw-no-route, .kw-trace-outcome.kw-broken-trace { background: var(--kw-broken, #c62828); }
.kw-trace-outcome.kw-redirected { background: #1565c0; }
.kw-trace-hops { margin: 2px 0; }
.kw-trace-why { margin: 2px 0 4px; padding-left: 1.4em; color: var(--vscode-descriptionForeground, #6b6b6b); }
.kw-trace-error { color: var(--kw-broken, #c62828); }
svg.kw-tracing g.kw-node:not(.kw-hop), svg.kw-tracing g.kw-edge:not(.kw-hop) { opacity: 0.3; }
g.kw-node.kw-hop .kw-box { stroke: var(--kw-focus, #0078d4); stroke-width: 3; }
g.kw-node.kw-hop-end .kw-box { stroke: var(--kw-broken, #c62828); stroke-width: 3; stroke-dasharray: none; }
g.kw-edge.kw-hop .kw-edge-line { stroke: var(--kw-focus, #0078d4); stroke-width: 3; }
`;

export const TRY_REQUEST_SCRIPT = String.raw`(function () {
  'use strict';
  var parseRequestLine = (${parseRequestLine.toString()});
  var parseRequest = (${parseRequest.toString()});
  var traceTable = (${traceTable.toString()});
  var MATCHERS = { ingress: (${matchIngressView.toString()}) };
  var input = document.getElementById('kw-request');
  var panel = document.getElementById('kw-trace');
  var canvas = document.getElementById('kw-canvas');
  var table = window.kubewayRoutes || null;
  var timer = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function clearMarks(svg) {
    if (!svg) return;
    svg.classList.remove('kw-tracing');
    Array.prototype.forEach.call(svg.querySelectorAll('.kw-hop, .kw-hop-end'), function (g) { g.classList.remove('kw-hop'); g.classList.remove('kw-hop-end'); });
  }

  function ingressesOf(cls) {
    var ids = [];
    (table.views || []).forEach(function (v) {
      if (v.class !== cls) return;
      v.routes.concat(v.defaults).forEach(function (r) { ids.push('Ingress/' + r.route.namespace + '/' + r.route.name); });
    });
    return ids;
  }

  /** The ids of the hops of a trace, in order: Ingress, Service, workloads (and their Pods boxes). */
  function hopIds(t) {
    var chain = [];
    if (t.route) chain.push(['Ingress/' + t.route.namespace + '/' + t.route.name]);
    if (t.service) chain.push(['Service/' + t.service.namespace + '/' + t.service.name, 'missing:Service/' + t.service.namespace + '/' + t.service.name]);
    if (t.pods.length) {
      var w = t.pods.map(function (p) { return p.kind + '/' + p.namespace + '/' + p.name; });
      chain.push(w);
      chain.push(w.map(function (id) { return 'pods:' + id; }));
    }
    return chain;
  }

  function mark(svg, traces) {
    clearMarks(svg);
    if (!svg) return;
    var nodes = {}, ends = {}, edges = {};
    traces.forEach(function (t) {
      var chain = hopIds(t);
      chain.forEach(function (ids, i) {
        ids.forEach(function (id) { nodes[id] = true; });
        if (i > 0) chain[i - 1].forEach(function (a) { ids.forEach(function (b) { edges[a + '\u0000' + b] = true; }); });
      });
      if (t.outcome === 'no-route' && t.via === 'ingress' && table) ingressesOf(t.class).forEach(function (id) { ends[id] = true; });
      if (t.outcome === 'broken' && chain.length) chain[chain.length - 1].forEach(function (id) { ends[id] = true; });
    });
    Array.prototype.forEach.call(svg.querySelectorAll('g.kw-node'), function (g) {
      var id = g.getAttribute('data-id');
      if (nodes[id] || ends[id]) g.classList.add('kw-hop');
      if (ends[id]) g.classList.add('kw-hop-end');
    });
    Array.prototype.forEach.call(svg.querySelectorAll('g.kw-edge'), function (g) {
      if (edges[g.getAttribute('data-from') + '\u0000' + g.getAttribute('data-to')]) g.classList.add('kw-hop');
    });
    svg.classList.add('kw-tracing');
  }

  function hopsText(t) {
    var parts = [];
    if (t.route) parts.push('Ingress ' + t.route.namespace + '/' + t.route.name + (t.route.defaultBackend ? ' (default backend)' : ' (' + (t.route.host || '*') + ' ' + (t.route.pathType || 'ImplementationSpecific') + ' ' + (t.route.path || '/') + ')'));
    if (t.service) parts.push('Service ' + t.service.namespace + '/' + t.service.name + ' port ' + t.service.port + (t.service.targetPort !== null ? ' \u2192 targetPort ' + t.service.targetPort : ''));
    t.pods.forEach(function (p) { parts.push(p.kind + ' ' + p.namespace + '/' + p.name + (p.container ? ' ' + p.container : '') + ':' + p.containerPort + '/' + p.protocol); });
    return parts.join(' \u2192 ');
  }

  function show(traces, error) {
    panel.textContent = '';
    if (error) {
      panel.appendChild(el('div', 'kw-trace-error', error));
      panel.hidden = false;
      return;
    }
    traces.forEach(function (t) {
      var head = el('div', 'kw-trace-head');
      var cls = t.outcome === 'no-route' ? 'kw-no-route' : t.outcome === 'broken' ? 'kw-broken-trace' : t.outcome === 'redirected' ? 'kw-redirected' : 'kw-routed';
      head.appendChild(el('span', 'kw-trace-outcome ' + cls, t.outcome));
      head.appendChild(document.createTextNode(t.via === 'ingress' ? (t.class === null ? 'default class' : 'class ' + t.class) : t.via === 'service' ? 'Service DNS name' : 'node port'));
      panel.appendChild(head);
      var hops = hopsText(t);
      if (hops) panel.appendChild(el('div', 'kw-trace-hops', hops));
      var why = el('ol', 'kw-trace-why');
      t.why.forEach(function (w) { why.appendChild(el('li', '', w)); });
      panel.appendChild(why);
    });
    panel.hidden = false;
  }

  function run() {
    var svg = canvas.querySelector('svg.kw-graph');
    var text = input.value.trim();
    if (text === '') {
      panel.hidden = true;
      clearMarks(svg);
      return;
    }
    if (!table) return show([], 'The routing table of these manifests is not loaded yet.');
    var line = parseRequestLine(text);
    if (typeof line === 'string') { clearMarks(svg); return show([], line); }
    var req = parseRequest(line.url, { method: line.method, headers: line.headers });
    if (typeof req === 'string') { clearMarks(svg); return show([], req); }
    var traces = traceTable(table, req, MATCHERS);
    show(traces);
    mark(svg, traces);
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter') { clearTimeout(timer); run(); }
    if (e.key === 'Escape') { input.value = ''; run(); }
  });
  window.addEventListener('message', function (ev) {
    var m = ev.data || {};
    // The viewer has put the new picture in place (its listener runs first): trace again on it.
    if (m.type === 'graph') {
      if (m.routes) table = m.routes;
      setTimeout(run, 0);
    }
  });
  window.kubewayTryRequest = { run: run };
})();
`;
