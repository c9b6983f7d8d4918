/**
 * The Kubernetes TextMate injection grammar (syntaxes/), tokenized as VS Code would, on top of the classic
 * TextMate YAML grammar (textmate/yaml.tmbundle, shipped by the npm package tm-grammars; VS Code's YAML grammar
 * until 1.91). The same expectations run over VS Code's current YAML grammar in test/e2e/grammar-vscode.test.ts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { repoRoot } from '../harness';
import { describeGrammar, yamlTokenizer } from '../e2e/lib/textmate';

const root = repoRoot();

it('package.json injects the Kubernetes grammar into source.yaml', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  assert.deepEqual(pkg.contributes.grammars, [
    {
      scopeName: 'kubeway.kubernetes.injection',
      path: './syntaxes/kubernetes.injection.tmLanguage.json',
      injectTo: ['source.yaml'],
    },
  ]);
  const grammar = JSON.parse(readFileSync(join(root, 'syntaxes/kubernetes.injection.tmLanguage.json'), 'utf8'));
  assert.equal(grammar.scopeName, 'kubeway.kubernetes.injection');
  assert.match(grammar.injectionSelector, /^L:source\.yaml /);
});

describeGrammar('the classic TextMate YAML grammar', (inject) =>
  yamlTokenizer(root, { 'source.yaml': require.resolve('tm-grammars/grammars/yaml.json') }, inject),
);
