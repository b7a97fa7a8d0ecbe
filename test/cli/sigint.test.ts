// Ctrl-C: a real SIGINT to a running CLI process stops it between files with exit 130, and every
// file is either exactly its old or exactly its new content, with no temp files left behind.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createProject } from './support/engine-fixtures';

const FILE_COUNT = 40;

describe('Ctrl-C', () => {
  it('leaves every file old or new and exits 130', async () => {
    const files = Object.fromEntries(Array.from({ length: FILE_COUNT }, (_, index) => [`f${String(index).padStart(2, '0')}.cjs`, `legacySign(${index});\n`]));
    const root = createProject(files);
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(import.meta.dirname, 'support/sigint-child.ts'), '.'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const exitCode = await new Promise<number | null>((resolve) => {
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => {
        stderr += chunk;
        if (stderr.includes('first file written') && !child.killed) child.kill('SIGINT');
      });
      child.on('close', (code) => resolve(code));
    });
    assert.equal(exitCode, 130, stderr);
    const names = readdirSync(root);
    assert.deepEqual(names.filter((name) => name.endsWith('.tmp')), []);
    let rewritten = 0;
    for (const [name, before] of Object.entries(files)) {
      const content = readFileSync(join(root, name), 'utf8');
      const after = `const { signRequest } = require('./sigv4.cjs');\n\n${before.replace('legacySign', 'signRequest')}`;
      assert.ok(content === before || content === after, `${name} is neither old nor new: ${JSON.stringify(content)}`);
      if (content === after) rewritten += 1;
    }
    assert.ok(rewritten >= 1 && rewritten < FILE_COUNT, `rewritten ${rewritten} of ${FILE_COUNT}`);
    assert.ok(names.includes('sigv4.cjs'), 'the helper is written before any file that imports it');
  });
});
