/**
 * Which files are skipped as unrendered templates: a Helm chart's templates/, or `{{ … }}` where YAML
 * structure is. `{{` inside quoted scalars, block scalars and plain string values is text: checked.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { templateReason } from '../../../server/src/engine/parse/templates';
import { Workspace } from '../../../server/src/engine/model/workspace';
import { checkFile } from '../../../server/src/engine/check';
import { buildGraph } from '../../../server/src/engine/graph/build';

const HEAD = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n';

describe('templateReason: `{{ … }}` where YAML structure is', () => {
  const skipped: [string, string, number][] = [
    ['a whole plain value', `${HEAD}data:\n  a: {{ .Values.a }}\n`, 6],
    ['a key', `${HEAD}data:\n  {{ .Values.key }}: v\n`, 6],
    ['a plain key with a template inside', `${HEAD}data:\n  app-{{ .Values.key }}: v\n`, 6],
    ['a line of its own', `${HEAD}{{- if .Values.enabled }}\ndata:\n  a: b\n{{- end }}\n`, 5],
    ['a list item', `${HEAD}items:\n- {{ toYaml .Values.item }}\n`, 6],
    ['a block position (nindent)', `${HEAD}data:\n  {{- toYaml .Values.data | nindent 2 }}\n`, 6],
    ['a flow position', `${HEAD}finalizers: [a, {{ .Values.f }}]\n`, 5],
    ['a Helm comment', `{{/* the chart's config */}}\n${HEAD}`, 1],
    [
      'the name of a whole file',
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ include "app.fullname" . }}\n`,
      4,
    ],
  ];
  for (const [name, text, line] of skipped) {
    it(`skips ${name}, naming the line`, () => {
      const r = templateReason('a.yaml', text);
      assert.equal(r?.kind, 'template-structure');
      assert.equal(
        r?.message,
        `an unrendered Helm/Go template: \`{{ … }}\` stands where YAML structure is, on line ${line}`,
      );
      assert.equal(text.slice(r?.offset, (r?.offset ?? 0) + 2), '{{');
    });
  }

  const text: [string, string][] = [
    ['a double-quoted value', `${HEAD}data:\n  a: "{{ .Values.a }}"\n`],
    ['a single-quoted value', `${HEAD}data:\n  a: '{{ .Values.a }}'\n`],
    [
      'a Prometheus rule (plain string value)',
      `${HEAD}data:\n  summary: Instance {{ $labels.instance }} of {{ $labels.job }} is down\n`,
    ],
    [
      'a Grafana dashboard in a block scalar',
      `${HEAD}data:\n  dashboard.json: |\n    {"title": "{{ .Name }}", "panels": [{"legendFormat": "{{pod}}"}]}\n`,
    ],
    ['a folded block scalar', `${HEAD}data:\n  a: >-\n    {{ x }}\n    {{- y }}\n`],
    ['a comment', `${HEAD}# {{ .Values.a }}\ndata:\n  a: b\n`],
    ['a quoted key', `${HEAD}data:\n  "{{ x }}": v\n`],
    ['a multi-line quoted value', `${HEAD}data:\n  a: "x\n    {{ y }}"\n`],
    ['JSON in a quoted string of a flow map', `${HEAD}data: {"a": "{{ b }}"}\n`],
  ];
  for (const [name, t] of text) {
    it(`checks ${name}`, () => assert.equal(templateReason('a.yaml', t), undefined));
  }
});

describe("templateReason: a Helm chart's templates/", () => {
  const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n';
  it('every file under the templates/ of the nearest Chart.yaml, with or without `{{`', () => {
    for (const [path, root] of [
      ['chart/templates/svc.yaml', 'chart'],
      ['chart/templates/tests/t.yaml', 'chart'],
      ['templates/svc.yaml', ''],
      ['charts\\web\\templates\\svc.yaml', 'charts\\web'],
      ['chart/charts/sub/templates/svc.yaml', 'chart/charts/sub'],
    ]) {
      const r = templateReason(path, svc, { chartRoot: root });
      assert.equal(r?.kind, 'helm-chart', path);
      assert.equal(
        r?.message,
        `in the templates/ folder of the Helm chart ${root ? `${root.replace(/\\/g, '/')}/` : ''}Chart.yaml: render it with \`helm template\` to check it`,
      );
    }
  });

  it('not the chart files outside templates/ (crds/ are not rendered), nor a templates/ folder without a chart', () => {
    assert.equal(templateReason('chart/crds/crd.yaml', svc, { chartRoot: 'chart' }), undefined);
    assert.equal(templateReason('chart/values.yaml', svc, { chartRoot: 'chart' }), undefined);
    assert.equal(templateReason('chart/other/templates/x.yaml', svc, { chartRoot: 'chart' }), undefined);
    assert.equal(templateReason('kustomize/templates/svc.yaml', svc), undefined);
    assert.equal(templateReason('other/templates/svc.yaml', svc, { chartRoot: 'chart' }), undefined);
  });
});

describe('the workspace checks, indexes and draws files whose `{{` is text, and names the skipped ones', () => {
  const app = [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: alerts',
    'data:',
    '  rules.yaml: |',
    '    summary: "{{ $labels.instance }} down"',
    '  note: Instance {{ $labels.instance }} is down',
    '---',
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: web',
    'spec:',
    '  type: nodeport',
    '  selector: {app: web}',
    '  ports:',
    '  - port: 80',
    '---',
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  selector: {matchLabels: {app: web}}',
    '  template:',
    '    metadata: {labels: {app: web}}',
    '    spec:',
    '      containers:',
    '      - name: web',
    '        image: nginx',
    '',
  ].join('\n');

  it('checked and drawn; a structural template and a chart file are skipped, with their reasons', () => {
    const ws = new Workspace();
    ws.setText('app.yaml', app);
    ws.setText(
      'tpl.yaml',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  type: nodeport\n',
    );
    ws.setText(
      'chart/templates/svc.yaml',
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: c\nspec:\n  type: nodeport\n',
      { chartRoot: 'chart' },
    );
    assert.deepEqual(
      checkFile(ws, 'app.yaml').map((d) => `${d.range.start.line + 1} ${d.code}`),
      ['15 service-type'],
    );
    assert.deepEqual(checkFile(ws, 'tpl.yaml'), []);
    assert.deepEqual(checkFile(ws, 'chart/templates/svc.yaml'), []);
    assert.deepEqual(
      buildGraph(ws).edges.map((e) => `${e.kind} ${e.from} -> ${e.to}`),
      ['selects Service/default/web -> Deployment/default/web'],
    );
    assert.deepEqual(
      ws.skippedFiles().map((s) => `${s.path}: ${s.reason.kind}`),
      ['chart/templates/svc.yaml: helm-chart', 'tpl.yaml: template-structure'],
    );
  });
});
