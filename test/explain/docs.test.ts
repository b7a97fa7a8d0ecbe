// docs/explain.md documents every cause id, in the order of CAUSE_IDS, and nothing else.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { CAUSE_IDS } from '../../src/explain/index';

it('docs/explain.md has one section per cause id, each with an example', () => {
  const docs = readFileSync(join(import.meta.dirname, '../../docs/explain.md'), 'utf8');
  const sections = [...docs.matchAll(/^### `([a-z-]+)`\n([\s\S]*?)(?=^### |(?![\s\S]))/gm)];
  assert.deepEqual(sections.map((section) => section[1]), [...CAUSE_IDS]);
  for (const [, id, body] of sections) assert.match(body ?? '', new RegExp(`\`\`\`\\n[\\s\\S]*${id}[\\s\\S]*\`\`\``), `${id} has an example naming it`);
});
