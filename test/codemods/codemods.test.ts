// The fixture-pair runner: every test/codemods/<rule>/<case>.input.<ext> is migrated in memory with
// that rule alone and must equal <case>.output.<ext>; the output must parse and migrate to itself.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rules } from '../../rules/index';
import { createRuleLinter } from '../../src/engine/lint';
import { migrateSource } from '../../src/migrate';

const fixturesRoot = dirname(fileURLToPath(import.meta.url));
const INPUT = /^(?<name>.+)\.input\.(?<extension>[cm]?[jt]sx?)$/;

interface FixturePair {
  rule: string;
  name: string;
  extension: string;
  input: string;
  output: string;
}

function findFixturePairs(): FixturePair[] {
  const pairs: FixturePair[] = [];
  for (const rule of readdirSync(fixturesRoot)) {
    const directory = join(fixturesRoot, rule);
    if (!statSync(directory).isDirectory()) continue;
    for (const file of readdirSync(directory).sort()) {
      const match = INPUT.exec(file);
      if (!match?.groups) continue;
      const { name, extension } = match.groups as { name: string; extension: string };
      pairs.push({ rule, name, extension, input: join(directory, file), output: join(directory, `${name}.output.${extension}`) });
    }
  }
  return pairs;
}

const parses = createRuleLinter({});

function migrateWithRule(rule: string, extension: string, name: string, text: string): string {
  const result = migrateSource({
    // A virtual path beside the fixtures: only its extension matters (it picks the parser).
    filePath: join(fixturesRoot, rule, `${name}.${extension}`),
    text,
    rules: { [rule]: rules[rule as keyof typeof rules] },
  });
  assert.equal(result.error, undefined, `migration failed: ${result.error}`);
  return result.output;
}

describe('codemod fixtures', () => {
  const pairs = findFixturePairs();

  it('every fixture folder is a rule and every input has an output', () => {
    for (const pair of pairs) {
      assert.ok(pair.rule in rules, `test/codemods/${pair.rule} is not a rule name`);
      assert.ok(existsSync(pair.output), `${pair.input} has no ${pair.name}.output.${pair.extension}`);
    }
  });

  for (const pair of pairs) {
    describe(`${pair.rule}/${pair.name}.${pair.extension}`, () => {
      const input = readFileSync(pair.input, 'utf8');
      const expected = existsSync(pair.output) ? readFileSync(pair.output, 'utf8') : '';

      it('migrates the input to the output', () => {
        assert.equal(migrateWithRule(pair.rule, pair.extension, pair.name, input), expected);
      });

      it('leaves the output unchanged (idempotent)', () => {
        assert.equal(migrateWithRule(pair.rule, pair.extension, pair.name, expected), expected);
      });

      it('produces code that parses', () => {
        const result = parses(`file.${pair.extension}`, expected);
        assert.equal(result.kind, 'parsed', result.kind === 'fatal' ? result.message : '');
      });
    });
  }
});
