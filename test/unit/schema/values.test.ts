import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closest, editDistance, isQuantity } from '../../../server/src/engine/schema';

describe('quantities (resource.ParseQuantity)', () => {
  it('accepts every suffix form', () => {
    for (const q of [
      '0',
      '1',
      '100m',
      '0.5',
      '.5',
      '1.',
      '+1',
      '-1',
      '1Ki',
      '1Mi',
      '1.5Gi',
      '2Ti',
      '1Pi',
      '1Ei',
      '5n',
      '5u',
      '1k',
      '1M',
      '1G',
      '1T',
      '1P',
      '1E',
      '1e3',
      '1E-2',
      '12e+6',
      '128974848',
    ]) {
      assert.ok(isQuantity(q), q);
    }
  });
  it('rejects units people write by mistake', () => {
    for (const q of [
      '',
      'Mi',
      '512mb',
      '1GB',
      '1gi',
      '1K',
      '1KB',
      '1 Gi',
      '1Gb',
      'lots',
      '1e',
      '1.2.3',
      '1Mi1',
      '--1',
      '1m5',
    ])
      assert.ok(!isQuantity(q), q);
  });
});

describe('did you mean', () => {
  it('measures edits with transpositions', () => {
    assert.equal(editDistance('contianers', 'containers'), 1);
    assert.equal(editDistance('imagePulPolicy', 'imagePullPolicy'), 1);
    assert.equal(editDistance('abc', 'xyz'), 3);
    assert.equal(editDistance('abc', 'abcdefgh', 2), 3);
  });
  it('suggests the closest field, case-insensitively, only when unambiguous', () => {
    const fields = ['image', 'imagePullPolicy', 'livenessProbe', 'readinessProbe', 'name', 'ports', 'env', 'envFrom'];
    assert.equal(closest('imagePulPolicy', fields), 'imagePullPolicy');
    assert.equal(closest('livenesProbe', fields), 'livenessProbe');
    assert.equal(closest('IMAGE', fields), 'image');
    assert.equal(closest('port', fields), 'ports');
    assert.equal(closest('colour', fields), undefined);
    assert.equal(closest('envs', ['env', 'envFrom', 'envs2']), undefined); // env and envs2 are both one edit away
    assert.equal(closest('targetport', ['port', 'targetPort', 'nodePort']), 'targetPort');
  });
});
