/**
 * The "did you mean" index (issue 17): the same answers as comparing with every name, without the scan
 * that made 16 000 missing Ingress backends take 32 s.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NearNames, nameDistance, serviceNamesNear } from '../../server/src/engine/model/nearNames';
import { Workspace } from '../../server/src/engine/model/workspace';
import { ingressServiceMissing } from '../../server/src/engine/rules/ingress-service-missing';
import { check } from '../harness';

/** A small deterministic random generator, so that a failure can be reproduced. */
function rng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('names near a name', () => {
  it('finds exactly the names a scan finds, for random names and their typos', () => {
    const rand = rng(7);
    const letters = 'abcde-0';
    const word = (len: number) =>
      Array.from({ length: len }, () => letters[Math.floor(rand() * letters.length)]).join('');
    const names = Array.from({ length: 400 }, () => word(1 + Math.floor(rand() * 14)));
    const index = new NearNames(names);
    const typo = (w: string) => {
      const i = Math.floor(rand() * (w.length + 1));
      const r = rand();
      return r < 0.33
        ? w.slice(0, i) + w.slice(i + 1)
        : r < 0.66
          ? w.slice(0, i) + word(1) + w.slice(i)
          : w.slice(0, i) + word(1) + w.slice(i + 1);
    };
    let compared = 0;
    for (let q = 0; q < 600; q++) {
      const base = names[Math.floor(rand() * names.length)];
      const query = q % 3 === 0 ? word(1 + Math.floor(rand() * 14)) : q % 3 === 1 ? typo(base) : typo(typo(base));
      for (const max of [1, 2]) {
        const scan = [...new Set(names.filter((n) => n !== query && nameDistance(n, query) <= max))].sort();
        assert.deepEqual(index.near(query, max).sort(), scan, `near(${query}, ${max})`);
        compared += scan.length;
      }
    }
    assert.ok(compared > 500, 'the queries do find names');
  });

  it('follows the workspace as it changes', () => {
    const ws = new Workspace();
    const svc = (name: string) =>
      `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec: {ports: [{port: 80}]}\n`;
    ws.setText('a.yaml', svc('checkout'));
    assert.deepEqual(serviceNamesNear(ws, 'default', 'chekout', 2), ['checkout']);
    ws.setText('a.yaml', svc('payments'));
    assert.deepEqual(serviceNamesNear(ws, 'default', 'chekout', 2), []);
    assert.deepEqual(serviceNamesNear(ws, 'default', 'payment', 2), ['payments']);
    assert.deepEqual(serviceNamesNear(ws, 'other', 'payment', 2), []);
  });

  it('suggests Services for 12 000 missing Ingress backends without comparing each with every Service', () => {
    // Before the index: every missing backend was compared with every Service (16 000: 32 s; 12 000: 18 s).
    const n = 12_000;
    let text =
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: big}\nspec:\n  rules:\n    - http:\n        paths:\n';
    for (let i = 0; i < n; i++)
      text += `          - {path: /p${i}, pathType: Prefix, backend: {service: {name: gone-${i}, port: {number: 80}}}}\n`;
    text +=
      '          - {path: /shop, pathType: Prefix, backend: {service: {name: chekout-api, port: {number: 80}}}}\n';
    for (let i = 0; i < n; i++)
      text += `---\napiVersion: v1\nkind: Service\nmetadata: {name: svc-${i}}\nspec: {ports: [{port: 80}]}\n`;
    text += '---\napiVersion: v1\nkind: Service\nmetadata: {name: checkout-api}\nspec: {ports: [{port: 80}]}\n';
    // CPU time of this process: the machine running the tests may be busy with others.
    const c0 = process.cpuUsage();
    const found = check({ 'a.yaml': text }, { rules: [ingressServiceMissing] }).filter(
      (d) => d.code === 'ingress-service-missing',
    );
    const c = process.cpuUsage(c0);
    const ms = (c.user + c.system) / 1000;
    assert.equal(found.length, n + 1);
    assert.ok(found.slice(0, n).every((d) => !/Did you mean/.test(d.message)));
    assert.match(found[n].message, /Did you mean `checkout-api`\?$/);
    assert.ok(ms < 10_000, `checking took ${ms.toFixed(0)} ms of CPU`);
  });
});
