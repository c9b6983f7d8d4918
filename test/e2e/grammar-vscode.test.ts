/**
 * The Kubernetes injection grammar over the YAML grammar that VS Code itself ships today (1.100, from the
 * code-server install: extensions/yaml, a begin/while grammar quite unlike the classic one the unit test uses).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describeGrammar, yamlTokenizer } from './lib/textmate';
import { MissingPrerequisite, ensureCodeServer, root } from './lib/workbench';

let grammars: Promise<Record<string, string>> | undefined;
/** scopeName → file, as VS Code's built-in yaml extension contributes them. */
function vscodeYamlGrammars(): Promise<Record<string, string>> {
  grammars ??= ensureCodeServer().then((bin) => {
    const ext = join(dirname(bin), '../code-server/lib/vscode/extensions/yaml');
    if (!existsSync(join(ext, 'package.json')))
      throw new MissingPrerequisite(`VS Code's yaml extension is not in the code-server install (${ext})`);
    const contributed: { scopeName: string; path: string }[] = JSON.parse(
      readFileSync(join(ext, 'package.json'), 'utf8'),
    ).contributes.grammars;
    return Object.fromEntries(contributed.map((g) => [g.scopeName, join(ext, g.path)]));
  });
  return grammars;
}

describeGrammar("VS Code's own YAML grammar (1.100)", async (inject) =>
  yamlTokenizer(root, await vscodeYamlGrammars(), inject),
);
