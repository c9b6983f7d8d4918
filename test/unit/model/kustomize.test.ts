/**
 * model/kustomize.ts: one answer for "is this a kustomization file", "is this object a patch" and "which
 * objects get selector labels", shared by the schema rules, the workload and Service rules, the check cache
 * and the editor's affected files.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFile } from '../../../server/src/engine/check';
import { affectedFiles } from '../../../server/src/engine/editor/affected';
import {
  getsKustomizeSelectorLabels,
  isKustomizationFile,
  isKustomizePatch,
  isPatchFileName,
} from '../../../server/src/engine/model/kustomize';
import { Workspace } from '../../../server/src/engine/model/workspace';

const deployment = (name: string, selector = true) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}}\nspec:\n${selector ? `  selector: {matchLabels: {app: ${name}}}\n` : ''}  template:\n    metadata: {labels: {app: ${name}}}\n    spec: {containers: [{name: c, image: nginx:1.27}]}\n`;
const partial = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {type: NodePort}\n';

describe('kustomization files', () => {
  it('are the names kustomize recognises, exactly', () => {
    for (const p of [
      'kustomization.yaml',
      'a/b/kustomization.yml',
      'overlays\\prod\\Kustomization',
      'file:///w/kustomization.yaml',
    ])
      assert.equal(isKustomizationFile(p), true, p);
    for (const p of [
      'Kustomization.yaml',
      'KUSTOMIZATION.yaml',
      'kustomization.json',
      'my-kustomization.yaml',
      'kustomization.yaml.bak',
    ])
      assert.equal(isKustomizationFile(p), false, p);
  });
});

describe('patches', () => {
  it('are named like one, in any folder named patch(es), or applied by a kustomization', () => {
    for (const p of [
      'patch.yaml',
      'replicas-patch.yml',
      'svc.patch.yaml',
      'patches/svc.yaml',
      'patches/sub/svc.yaml',
      'overlays/patch/x.yaml',
    ])
      assert.equal(isPatchFileName(p), true, p);
    for (const p of ['dispatch.yaml', 'patchwork/x.yaml', 'deploy.yaml']) assert.equal(isPatchFileName(p), false, p);
    const ws = new Workspace();
    ws.setText(
      'overlays/prod/kustomization.yaml',
      'resources: [../../base]\npatchesStrategicMerge: [svc.yaml]\npatches:\n- path: ../common/deploy.yaml\n- {path: sub/more.yaml, target: {kind: Deployment}}\n',
    );
    ws.setText('overlays/prod/svc.yaml', partial);
    ws.setText('overlays/common/deploy.yaml', deployment('web', false));
    ws.setText('overlays/prod/sub/more.yaml', deployment('more', false));
    ws.setText('base/deploy.yaml', deployment('base'));
    const objs = (p: string) => ws.file(p)!.objects;
    for (const p of ['overlays/prod/svc.yaml', 'overlays/common/deploy.yaml', 'overlays/prod/sub/more.yaml'])
      assert.equal(isKustomizePatch(ws, objs(p)[0]), true, p);
    assert.equal(isKustomizePatch(ws, objs('base/deploy.yaml')[0]), false);
  });

  it('are the same for the schema rules and the workload rules (patches/sub/svc.yaml)', () => {
    const ws = new Workspace();
    ws.setText('patches/sub/deploy.yaml', deployment('web', false));
    const codes = checkFile(ws, 'patches/sub/deploy.yaml').map((d) => d.code);
    // A non-patch without a selector gets both; a patch gets neither.
    const plain = new Workspace();
    plain.setText('deploy.yaml', deployment('web', false));
    const plainCodes = checkFile(plain, 'deploy.yaml').map((d) => d.code);
    assert.ok(plainCodes.includes('workload-selector') || plainCodes.includes('schema-required'), plainCodes.join());
    assert.deepEqual(
      codes.filter((c) => c === 'workload-selector' || c === 'schema-required'),
      [],
    );
  });
});

describe('selector labels', () => {
  it('flow from commonLabels or labels with includeSelectors through resources and bases', () => {
    const ws = new Workspace();
    ws.setText('overlays/prod/kustomization.yaml', 'resources: [../../base]\ncommonLabels: {team: shop}\n');
    ws.setText('base/kustomization.yaml', 'resources: [deploy.yaml]\n');
    ws.setText('base/deploy.yaml', deployment('web', false));
    ws.setText(
      'other/kustomization.yaml',
      'resources: [deploy.yaml]\nlabels:\n- pairs: {team: x}\n  includeSelectors: false\n',
    );
    ws.setText('other/deploy.yaml', deployment('other', false));
    ws.setText(
      'third/kustomization.yaml',
      'resources: [deploy.yaml]\nlabels:\n- pairs: {team: x}\n  includeSelectors: true\n',
    );
    ws.setText('third/deploy.yaml', deployment('third', false));
    const obj = (p: string) => ws.file(p)!.objects[0];
    assert.equal(getsKustomizeSelectorLabels(ws, obj('base/deploy.yaml')), true);
    assert.equal(getsKustomizeSelectorLabels(ws, obj('other/deploy.yaml')), false);
    assert.equal(getsKustomizeSelectorLabels(ws, obj('third/deploy.yaml')), true);
    // The index follows edits and removals of kustomizations.
    ws.setText('overlays/prod/kustomization.yaml', 'resources: [../../base]\n');
    assert.equal(getsKustomizeSelectorLabels(ws, obj('base/deploy.yaml')), false);
    ws.remove('third/kustomization.yaml');
    assert.equal(getsKustomizeSelectorLabels(ws, obj('third/deploy.yaml')), false);
  });
});

describe('saving a kustomization', () => {
  const check = (files: Record<string, string>, path: string) => {
    const ws = new Workspace();
    for (const [p, t] of Object.entries(files)) ws.setText(p, t);
    return checkFile(ws, path);
  };
  for (const name of ['kustomization.yaml', 'kustomization.yml', 'Kustomization', 'Kustomization.yaml']) {
    it(`${name}: kept results equal a fresh check, and the affected files agree with the cache`, () => {
      const ws = new Workspace();
      ws.setText('shop/svc.yaml', partial);
      ws.setText('shop/deploy.yaml', deployment('web'));
      const before = checkFile(ws, 'shop/svc.yaml');
      assert.ok(
        before.some((d) => d.code === 'service-ports-required'),
        before.map((d) => d.code).join(),
      );
      const kustomization = 'resources: [deploy.yaml]\npatches:\n- path: svc.yaml\n';
      ws.setText(`shop/${name}`, kustomization);
      const after = checkFile(ws, 'shop/svc.yaml');
      assert.deepEqual(
        after,
        check(
          { 'shop/svc.yaml': partial, 'shop/deploy.yaml': deployment('web'), [`shop/${name}`]: kustomization },
          'shop/svc.yaml',
        ),
      );
      const isKustomization = name !== 'Kustomization.yaml';
      // A patch has its ports in the base: the finding goes exactly when kustomize reads the file.
      assert.equal(
        after.some((d) => d.code === 'service-ports-required'),
        !isKustomization,
      );
      assert.equal(
        affectedFiles(ws, `shop/${name}`, ws.file(`shop/${name}`)!.objects).has('shop/svc.yaml'),
        isKustomization,
      );
    });
  }
});
