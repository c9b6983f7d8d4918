/**
 * Evaluates `x-kubernetes-validations` rules with @bufbuild/cel, in the environment the API server gives
 * them: `self` bound to the value (defaults applied), cel-go's strings extension and the Kubernetes
 * library. Rules that read `oldSelf` are transition rules: an object in a file has no old version, so they
 * are not run. A rule that does not parse, or whose evaluation fails (a function kubeway lacks, a field that
 * is not there), reports nothing: kubeway only reports what a rule certainly says.
 */
import { celEnv, isCelError, parse, plan } from '@bufbuild/cel';
import type { CelEnv, CelInput } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import { KUBERNETES_CEL_LIBRARY } from './celLibrary';

type Expr = ReturnType<typeof parse>['expr'];
type Program = (bindings: Record<string, CelInput>) => unknown;

let env: CelEnv | undefined;
function environment(): CelEnv {
  return (env ??= celEnv({ funcs: [...strings, ...KUBERNETES_CEL_LIBRARY] }));
}

export interface CompiledRule {
  program: Program;
  /** For a rule `self.all(x, body)`: the body, to find the element that fails. */
  each?: { variable: string; body: Program };
}

const compiled = new Map<string, CompiledRule | null>();

/** A rule's program (cached by its text); undefined when it does not parse or is a transition rule. */
export function compileRule(rule: string): CompiledRule | undefined {
  let c = compiled.get(rule);
  if (c === undefined) {
    c = null;
    try {
      const parsed = parse(rule);
      if (!mentions(parsed.expr, 'oldSelf')) {
        const e = environment();
        c = { program: plan(e, parsed) as Program };
        const each = allBody(parsed.expr);
        if (each) c.each = { variable: each.variable, body: plan(e, each.body) as Program };
      }
    } catch {
      c = null;
    }
    compiled.set(rule, c);
  }
  return c ?? undefined;
}

/** Whether an expression reads a variable. */
function mentions(e: Expr | undefined, name: string): boolean {
  if (!e) return false;
  const k = e.exprKind;
  switch (k.case) {
    case 'identExpr':
      return k.value.name === name;
    case 'selectExpr':
      return mentions(k.value.operand, name);
    case 'callExpr':
      return mentions(k.value.target, name) || k.value.args.some((a) => mentions(a, name));
    case 'listExpr':
      return k.value.elements.some((a) => mentions(a, name));
    case 'structExpr':
      return k.value.entries.some(
        (en) => mentions(en.value, name) || (en.keyKind.case === 'mapKey' && mentions(en.keyKind.value, name)),
      );
    case 'comprehensionExpr': {
      const c = k.value;
      return [c.iterRange, c.accuInit, c.loopCondition, c.loopStep, c.result].some((x) => mentions(x, name));
    }
    default:
      return false;
  }
}

/** `self.all(x, body)` as the `all` macro expands it: a comprehension over `self` whose step is `@result && body`. */
function allBody(e: Expr): { variable: string; body: Expr } | undefined {
  if (e.exprKind.case !== 'comprehensionExpr') return undefined;
  const c = e.exprKind.value;
  if (c.iterVar2 || c.iterRange?.exprKind.case !== 'identExpr' || c.iterRange.exprKind.value.name !== 'self')
    return undefined;
  const step = c.loopStep?.exprKind;
  const init = c.accuInit?.exprKind;
  if (step?.case !== 'callExpr' || step.value.function !== '_&&_' || step.value.args.length !== 2) return undefined;
  if (
    init?.case !== 'constExpr' ||
    init.value.constantKind.case !== 'boolValue' ||
    init.value.constantKind.value !== true
  )
    return undefined;
  const [acc, body] = step.value.args;
  if (acc.exprKind.case !== 'identExpr' || acc.exprKind.value.name !== c.accuVar) return undefined;
  return { variable: c.iterVar, body };
}

export type Outcome = 'pass' | 'fail' | 'error';

export function evaluate(program: Program, bindings: Record<string, CelInput>): Outcome {
  let r: unknown;
  try {
    r = program(bindings);
  } catch {
    return 'error';
  }
  if (isCelError(r)) return 'error';
  return r === true ? 'pass' : r === false ? 'fail' : 'error';
}

/** A `messageExpression`'s string, or undefined when it does not give one. */
export function messageOf(expression: string, self: CelInput): string | undefined {
  const c = compileRule(expression);
  if (!c) return undefined;
  try {
    const r = c.program({ self });
    return typeof r === 'string' && r.trim() !== '' && !r.includes('\n') ? r : undefined;
  } catch {
    return undefined;
  }
}

const RESERVED = new Set([
  'true',
  'false',
  'null',
  'in',
  'as',
  'break',
  'const',
  'continue',
  'else',
  'for',
  'function',
  'if',
  'import',
  'let',
  'loop',
  'package',
  'namespace',
  'return',
  'var',
  'void',
  'while',
]);

/**
 * A property name as CEL rules see it (apiserver/pkg/cel/escaping.go): reserved words become `__word__`,
 * and `__`, `.`, `-`, `/` are spelled `__underscores__`, `__dot__`, `__dash__`, `__slash__`. undefined
 * when the name cannot be a CEL identifier even then (rules cannot read it).
 */
export function escapeProperty(name: string): string | undefined {
  if (RESERVED.has(name)) return `__${name}__`;
  if (/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name) && !name.includes('__')) return name;
  const e = name
    .replace(/__/g, '__underscores__')
    .replace(/\./g, '__dot__')
    .replace(/-/g, '__dash__')
    .replace(/\//g, '__slash__');
  return /^[a-zA-Z_][a-zA-Z0-9_]*$/.test(e) ? e : undefined;
}
