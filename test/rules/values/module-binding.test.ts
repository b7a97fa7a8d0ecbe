// Proves the module tracking under the rules (eslint-utils' ReferenceTracker plus what it leaves out):
// every import style, aliases, destructuring, TypeScript wrappers, the browser's global `AWS`, shadowing.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import type { ScopeOf } from '../../../rules/utils/const-binding';
import { type ModuleMember, requiredModuleSource, resolveModuleMember } from '../../../rules/utils/module-binding';

interface ProbeOptions {
  readonly sourceType?: 'module' | 'script';
  /** Globals the ESLint config declares (`require` under Node's globals, `AWS` in a browser config). */
  readonly declared?: readonly string[];
  /** Whether an undeclared `AWS` stands for aws-sdk, as the aws-sdk v2 matchers ask. */
  readonly browserAws?: boolean;
}

/** Lints `code` with a rule that asks, for each `probe(x)`, `ask(x)`; the answers in source order. */
function probed<T>(code: string, ask: (node: TSESTree.Node, scopeOf: ScopeOf) => T, options: ProbeOptions = {}): T[] {
  const answers: T[] = [];
  const rule: TSESLint.RuleModule<never> = {
    meta: { type: 'problem', schema: [], messages: {} },
    defaultOptions: [],
    create(context) {
      const scopeOf: ScopeOf = (node) => context.sourceCode.getScope(node);
      return {
        'CallExpression[callee.name="probe"]'(call: TSESTree.CallExpression) {
          const [argument] = call.arguments;
          if (argument) answers.push(ask(argument, scopeOf));
        },
      };
    },
  };
  const globals = Object.fromEntries((options.declared ?? []).map((name) => [name, 'readonly' as const]));
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(code, [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser as never, sourceType: options.sourceType ?? 'module', globals },
      // The test rule is typed with TSESLint's types; ESLint's plugin type mirrors them structurally.
      plugins: { test: { rules: { probe: rule as never } } },
      rules: { 'test/probe': 'error' },
    },
  ], 'probe.ts');
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(fatal.message);
  return answers;
}

/** The module member of every probed expression, as `source:path.to.member` (`-` when none). */
function members(code: string, options: ProbeOptions = {}): string[] {
  const resolution = options.browserAws ? { globals: { AWS: 'aws-sdk' } } : {};
  return probed(code, (node, scopeOf) => memberText(resolveModuleMember(node, scopeOf, resolution)), options);
}

function memberText(member: ModuleMember | undefined): string {
  if (!member) return '-';
  return member.path.length > 0 ? `${member.source}:${member.path.join('.')}` : member.source;
}

describe('resolveModuleMember', () => {
  it('follows require through const aliases and member reads', () => {
    const code = "const AWS = require('aws-sdk'); const Alias = AWS; const S3 = Alias.S3; probe(Alias.S3); probe(S3); probe(new S3().x);";
    assert.deepEqual(members(code), ['aws-sdk:S3', 'aws-sdk:S3', '-']);
  });

  it('follows destructuring, nested, renamed and with a default', () => {
    const code = "const { S3: Store, config: { update }, SES = Fallback } = require('aws-sdk'); probe(Store); probe(update); probe(SES); probe(SES.prototype);";
    assert.deepEqual(members(code), ['aws-sdk:S3', 'aws-sdk:config.update', 'aws-sdk:SES', 'aws-sdk:SES.prototype']);
  });

  it('reads a namespace import as the module and a default import as its default export', () => {
    assert.deepEqual(members("import * as AWS from 'aws-sdk'; probe(AWS); probe(AWS.S3);"), ['aws-sdk', 'aws-sdk:S3']);
    assert.deepEqual(members("import AWS from 'aws-sdk'; probe(AWS); probe(AWS.S3);"), ['aws-sdk:default', 'aws-sdk:default.S3']);
    assert.deepEqual(members("import { S3 as Store } from 'aws-sdk'; probe(Store); probe(Store.prototype);"), ['aws-sdk:S3', 'aws-sdk:S3.prototype']);
  });

  it('reads a client module, called or constructed, however it is held', () => {
    const code = "const S3 = require('aws-sdk/clients/s3'); probe(S3); const s3 = new S3(); probe(require('aws-sdk/clients/s3').prototype);";
    assert.deepEqual(members(code), ['aws-sdk/clients/s3', 'aws-sdk/clients/s3:prototype']);
  });

  it('sees through TypeScript wrappers and optional chains', () => {
    const code = "const AWS = require('aws-sdk') as typeof import('aws-sdk'); probe((AWS as any).S3); probe(AWS!.SES); probe((<any>AWS).SQS); probe(AWS?.config.update);";
    assert.deepEqual(members(code), ['aws-sdk:S3', 'aws-sdk:SES', 'aws-sdk:SQS', 'aws-sdk:config.update']);
  });

  it("follows TypeScript's import-equals and await import(), destructured too", () => {
    assert.deepEqual(members("import AWS = require('aws-sdk'); const { S3 } = AWS; probe(AWS); probe(S3);"), ['aws-sdk', 'aws-sdk:S3']);
    assert.deepEqual(members("const { S3 } = await import('aws-sdk'); const knox = await import('knox'); probe(S3); probe(knox.createClient);"), [
      'aws-sdk:S3',
      'knox:createClient',
    ]);
  });

  it('reads the global AWS of a browser script, undeclared or declared, also through window', () => {
    const code = 'probe(AWS.S3); probe(window.AWS.config); const { SES } = AWS; probe(SES);';
    assert.deepEqual(members(code, { sourceType: 'script', browserAws: true }), ['aws-sdk:S3', 'aws-sdk:config', 'aws-sdk:SES']);
    assert.deepEqual(members(code, { sourceType: 'script', browserAws: true, declared: ['AWS', 'window'] }), ['aws-sdk:S3', 'aws-sdk:config', 'aws-sdk:SES']);
    assert.deepEqual(members(code, { sourceType: 'script' }), ['-', '-', '-']);
  });

  it('leaves a shadowed AWS, a local require and a reassigned name alone', () => {
    const shadowed = "function f(AWS) { probe(AWS.S3); } { const AWS = makeFake(); probe(AWS.S3); } probe(AWS.S3);";
    assert.deepEqual(members(shadowed, { browserAws: true }), ['-', '-', 'aws-sdk:S3']);
    assert.deepEqual(members("function require(name) { return name; } probe(require('aws-sdk').S3);"), ['-']);
    assert.deepEqual(members("let AWS = require('aws-sdk'); AWS = other; probe(AWS.S3); probe(AWS);"), ['-', '-']);
    assert.deepEqual(members('let A = AWS; A = other; probe(A.S3);', { browserAws: true }), ['-']);
    assert.deepEqual(members("import { S3 } from '@aws-sdk/client-s3'; probe(S3); probe(Math.max);"), ['@aws-sdk/client-s3:S3', '-']);
  });
});

describe('requiredModuleSource', () => {
  const sources = (code: string, options: ProbeOptions = {}): Array<string | undefined> =>
    probed(code, (node, scopeOf) => requiredModuleSource(node, scopeOf), options);

  it('names the module of the real require, declared as a Node global or not', () => {
    const code = "probe(require('aws-sdk')); probe(require('aws-sdk/clients/s3')); probe(load('x'));";
    assert.deepEqual(sources(code), ['aws-sdk', 'aws-sdk/clients/s3', undefined]);
    assert.deepEqual(sources(code, { declared: ['require'] }), ['aws-sdk', 'aws-sdk/clients/s3', undefined]);
  });

  it('is undefined for a require the file defines', () => {
    assert.deepEqual(sources("const require = createRequire(import.meta.url); probe(require('aws-sdk'));"), [undefined]);
  });
});
