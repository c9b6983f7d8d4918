/**
 * The diagram viewer that runs in the page: pan, zoom, fit, namespace filter, search by name, click to
 * reveal. One script for both the VS Code webview (where it talks to the extension through
 * acquireVsCodeApi) and the self-contained HTML of `kubeway graph --format html` (where a click shows the
 * source file and line). Plain ES2017 with no imports: it is inlined into the page under a CSP nonce.
 */
export const VIEWER_SCRIPT = String.raw`(function () {
  'use strict';
  var vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  var canvas = document.getElementById('kw-canvas');
  var statusEl = document.getElementById('kw-status');
  var banner = document.getElementById('kw-banner');
  var searchEl = document.getElementById('kw-search');
  var nsEl = document.getElementById('kw-ns');
  var exportEl = document.getElementById('kw-export');
  var NS_GAP = 28;
  var state = (vscode && vscode.getState()) || {};
  var view = state.view || null; // {k, x, y}: kept across updates once the user has moved
  var svg = null;
  var viewport = null;
  var summary = '';
  var notices = '';
  var staleText = '';
  var matches = [];
  var matchIndex = -1;

  function save() {
    if (vscode) vscode.setState({ view: view, ns: nsEl.value, q: searchEl.value });
  }

  function groups() {
    return svg ? Array.prototype.slice.call(svg.querySelectorAll('g.kw-ns')) : [];
  }

  function visibleGroups() {
    return groups().filter(function (g) { return g.getAttribute('display') !== 'none'; });
  }

  function contentSize() {
    var w = 0, h = 0;
    visibleGroups().forEach(function (g) {
      w = Math.max(w, parseFloat(g.getAttribute('data-w')) || 0);
      h += (parseFloat(g.getAttribute('data-h')) || 0) + NS_GAP;
    });
    if (!svg) return { w: 1, h: 1 };
    if (!w) return { w: parseFloat(svg.getAttribute('data-width')) || 320, h: parseFloat(svg.getAttribute('data-height')) || 60 };
    return { w: w, h: Math.max(1, h - NS_GAP) };
  }

  function apply() {
    if (!viewport || !view) return;
    viewport.setAttribute('transform', 'translate(' + view.x + ',' + view.y + ') scale(' + view.k + ')');
  }

  // Fit never shrinks text below its own size (12 px names): a larger picture is scrolled instead.
  var READABLE = 1;

  function fit() {
    if (!svg) return;
    var size = contentSize();
    var cw = canvas.clientWidth || 800, ch = canvas.clientHeight || 600;
    var k = Math.min((cw - 24) / size.w, (ch - 24) / size.h, 1.2);
    if (!(k > 0)) k = 1;
    k = Math.max(k, READABLE);
    var x = size.w * k > cw - 24 ? 12 : (cw - size.w * k) / 2;
    view = { k: k, x: x, y: Math.max(12, (ch - size.h * k) / 2), fitted: true };
    apply();
    save();
  }

  function zoomAt(factor, cx, cy) {
    if (!view) fit();
    var k = Math.max(0.05, Math.min(4, view.k * factor));
    var f = k / view.k;
    view = { k: k, x: cx - (cx - view.x) * f, y: cy - (cy - view.y) * f };
    apply();
    save();
  }

  // Namespace filter: hidden namespaces leave no gap, the others close up.
  function restack() {
    var y = 0;
    groups().forEach(function (g) {
      var show = !nsEl.value || g.getAttribute('data-ns') === nsEl.value;
      if (show) {
        g.removeAttribute('display');
        g.setAttribute('transform', 'translate(0,' + y + ')');
        y += (parseFloat(g.getAttribute('data-h')) || 0) + NS_GAP;
      } else g.setAttribute('display', 'none');
    });
  }

  function fillNamespaces() {
    var names = groups().map(function (g) { return g.getAttribute('data-ns'); });
    var current = nsEl.value || state.ns || '';
    while (nsEl.options.length > 1) nsEl.remove(1);
    names.forEach(function (n) {
      var o = document.createElement('option');
      o.value = n;
      o.textContent = n;
      nsEl.appendChild(o);
    });
    nsEl.value = names.indexOf(current) >= 0 ? current : '';
    nsEl.disabled = names.length < 2;
  }

  function runSearch() {
    var q = searchEl.value.trim().toLowerCase();
    matches = [];
    matchIndex = -1;
    if (!svg) return;
    var nodes = svg.querySelectorAll('g.kw-node');
    for (var i = 0; i < nodes.length; i++) {
      var n = nodes[i];
      var hit = q !== '' && (n.getAttribute('data-search') || '').indexOf(q) >= 0;
      n.classList.toggle('kw-match', hit);
      n.classList.toggle('kw-dim', q !== '' && !hit);
      if (hit && n.closest('g.kw-ns').getAttribute('display') !== 'none') matches.push(n);
    }
    var edges = svg.querySelectorAll('g.kw-edge');
    for (var j = 0; j < edges.length; j++) edges[j].classList.toggle('kw-dim', q !== '');
    setStatus(q ? matches.length + ' match' + (matches.length === 1 ? '' : 'es') + ' for "' + searchEl.value.trim() + '"' : summary);
  }

  function showMatch(step) {
    if (!matches.length) return;
    matchIndex = (matchIndex + step + matches.length) % matches.length;
    var n = matches[matchIndex];
    var ns = n.closest('g.kw-ns');
    var t = /translate\(([-\d.]+),([-\d.]+)\)/;
    var a = t.exec(n.getAttribute('transform')) || [0, 0, 0];
    var b = t.exec(ns.getAttribute('transform')) || [0, 0, 0];
    var k = view ? Math.max(view.k, 0.8) : 1;
    var x = +a[1] + +b[1], y = +a[2] + +b[2];
    view = { k: k, x: canvas.clientWidth / 2 - (x + 80) * k, y: canvas.clientHeight / 2 - (y + 20) * k };
    apply();
    save();
    select(n);
  }

  function showBanner() {
    var text = [staleText, notices].filter(Boolean).join('\n');
    banner.textContent = text;
    banner.hidden = !text;
  }

  function setStatus(text) {
    statusEl.textContent = text;
  }

  function select(el) {
    var old = svg.querySelectorAll('.kw-selected');
    for (var i = 0; i < old.length; i++) old[i].classList.remove('kw-selected');
    if (el) el.classList.add('kw-selected');
  }

  function activate(el) {
    select(el);
    var kind = el.classList.contains('kw-edge') ? 'edge' : 'node';
    if (vscode && el.classList.contains('kw-group')) {
      // A folded fan: the panel asks the server to draw its members.
      setStatus('Drawing ' + (el.getAttribute('data-group') || '') + ' boxes…');
      vscode.postMessage({ type: 'expand', id: el.getAttribute('data-id') });
    } else if (vscode) {
      vscode.postMessage({ type: 'reveal', kind: kind, id: el.getAttribute('data-id') });
    } else {
      var file = el.getAttribute('data-file');
      var line = el.getAttribute('data-line');
      var title = el.querySelector('title');
      setStatus((file ? file + ':' + (+line + 1) + '  ' : '') + (title ? title.textContent.split('\n')[0] : ''));
    }
  }

  function setup(svgText) {
    if (svgText !== undefined) canvas.innerHTML = svgText;
    svg = canvas.querySelector('svg.kw-graph');
    viewport = svg ? svg.querySelector('g.kw-viewport') : null;
    if (!svg) return;
    svg.removeAttribute('viewBox');
    svg.setAttribute('width', '100%');
    svg.setAttribute('height', '100%');
    summary = svg.getAttribute('aria-label') || '';
    // What the picture leaves out (folded fans, the layout budget) is said in the banner, above the canvas.
    var noticeGroup = svg.querySelector('g.kw-notices');
    notices = noticeGroup ? Array.prototype.map.call(noticeGroup.querySelectorAll('text'), function (t) { return t.textContent; }).join('\n') : '';
    if (noticeGroup) noticeGroup.setAttribute('display', 'none');
    showBanner();
    fillNamespaces();
    restack();
    if (view && !view.fitted) apply();
    else fit();
    runSearch();
  }

  // Pan by dragging; a press that does not move is a click.
  var drag = null;
  canvas.addEventListener('pointerdown', function (ev) {
    if (ev.button !== 0) return;
    drag = { x: ev.clientX, y: ev.clientY, moved: false, target: ev.target };
  });
  window.addEventListener('pointermove', function (ev) {
    if (!drag) return;
    var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    if (!drag.moved) {
      drag.moved = true;
      canvas.classList.add('kw-panning');
    }
    if (!view) fit();
    view = { k: view.k, x: view.x + dx, y: view.y + dy };
    drag.x = ev.clientX;
    drag.y = ev.clientY;
    apply();
  });
  window.addEventListener('pointerup', function () {
    if (!drag) return;
    var d = drag;
    drag = null;
    canvas.classList.remove('kw-panning');
    if (d.moved) {
      save();
      return;
    }
    var el = d.target && d.target.closest ? d.target.closest('g.kw-node, g.kw-edge') : null;
    if (el) activate(el);
  });
  // The wheel scrolls (Shift: sideways); with Ctrl or Cmd (and a pinch, which sends ctrlKey) it zooms.
  canvas.addEventListener('wheel', function (ev) {
    ev.preventDefault();
    var r = canvas.getBoundingClientRect();
    if (ev.ctrlKey || ev.metaKey) {
      zoomAt(Math.exp(-ev.deltaY * (ev.deltaMode === 1 ? 0.05 : 0.0015)), ev.clientX - r.left, ev.clientY - r.top);
      return;
    }
    if (!view) fit();
    var unit = ev.deltaMode === 1 ? 16 : ev.deltaMode === 2 ? canvas.clientHeight : 1;
    var dx = ev.deltaX * unit, dy = ev.deltaY * unit;
    if (ev.shiftKey && !dx) { dx = dy; dy = 0; }
    view = { k: view.k, x: view.x - dx, y: view.y - dy };
    apply();
    save();
  }, { passive: false });

  document.getElementById('kw-fit').addEventListener('click', fit);
  document.getElementById('kw-zoom-in').addEventListener('click', function () { zoomAt(1.25, canvas.clientWidth / 2, canvas.clientHeight / 2); });
  document.getElementById('kw-zoom-out').addEventListener('click', function () { zoomAt(0.8, canvas.clientWidth / 2, canvas.clientHeight / 2); });
  nsEl.addEventListener('change', function () { restack(); fit(); runSearch(); save(); });
  searchEl.addEventListener('input', function () { runSearch(); save(); });
  searchEl.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter') { ev.preventDefault(); showMatch(ev.shiftKey ? -1 : 1); }
    if (ev.key === 'Escape') { searchEl.value = ''; runSearch(); save(); }
  });
  window.addEventListener('keydown', function (ev) {
    if (ev.target === searchEl || ev.target === nsEl) return;
    if (ev.key === '+' || ev.key === '=') zoomAt(1.25, canvas.clientWidth / 2, canvas.clientHeight / 2);
    else if (ev.key === '-') zoomAt(0.8, canvas.clientWidth / 2, canvas.clientHeight / 2);
    else if (ev.key === '0') fit();
    else if (ev.key === 'f' && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); searchEl.focus(); }
  });

  /** The picture as shown (namespace filter applied), without the viewer's state, for saving. */
  function currentSvg() {
    if (!svg) return '';
    var copy = svg.cloneNode(true);
    var hidden = copy.querySelectorAll('g.kw-ns[display="none"]');
    for (var i = 0; i < hidden.length; i++) hidden[i].parentNode.removeChild(hidden[i]);
    var marked = copy.querySelectorAll('.kw-match, .kw-dim, .kw-selected');
    for (var j = 0; j < marked.length; j++) marked[j].classList.remove('kw-match', 'kw-dim', 'kw-selected');
    var vp = copy.querySelector('g.kw-viewport');
    if (vp) vp.removeAttribute('transform');
    var size = contentSize();
    var w = Math.ceil(size.w) + 2, h = Math.ceil(size.h) + 2;
    copy.setAttribute('width', String(w));
    copy.setAttribute('height', String(h));
    copy.setAttribute('viewBox', '-1 -1 ' + w + ' ' + h);
    return new XMLSerializer().serializeToString(copy);
  }

  if (vscode) {
    exportEl.hidden = false;
    exportEl.addEventListener('click', function () { vscode.postMessage({ type: 'exportSvg', svg: currentSvg() }); });
    window.addEventListener('message', function (ev) {
      var m = ev.data || {};
      if (m.type === 'graph') {
        staleText = (m.stale || []).map(function (s) {
          return (s.name || s.file) + ' has a syntax error on line ' + (s.line + 1) + ' (' + s.message + '): showing its last good version.';
        }).join('\n');
        setup(m.svg);
      } else if (m.type === 'error') {
        banner.textContent = m.message;
        banner.hidden = false;
      } else if (m.type === 'export') {
        vscode.postMessage({ type: 'exportSvg', svg: currentSvg() });
      }
    });
    if (state.q) searchEl.value = state.q;
    vscode.postMessage({ type: 'ready' });
  } else {
    setup();
  }
  window.addEventListener('resize', function () { if (!view || view.fitted) fit(); });
  window.kubewayViewer = { fit: fit, currentSvg: currentSvg };
})();
`;
