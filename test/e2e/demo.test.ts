// End to end: the demo app fails against verifying endpoints as AWS fails it, and after the
// built CLI migrates it every call succeeds, its TypeScript still type-checks and it is lint-clean.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { CallOutcome } from '../../scripts/demo/call-sites';
import { runDemo } from '../../scripts/demo/run-demo';
import type { DemoResult } from '../../scripts/demo/run-demo';

const statusOf = (outcomes: CallOutcome[]) =>
  Object.fromEntries(outcomes.map((outcome) => [outcome.id, outcome.ok ? 'ok' : `${outcome.status} ${outcome.code}`]));

describe('demo: examples/legacy-app from 403 to 200', () => {
  let result: DemoResult;
  before(async () => {
    result = await runDemo();
  });

  it('fails before the migration exactly as AWS fails each call', () => {
    assert.deepEqual(statusOf(result.before), {
      'save-report': '400 InvalidRequest',
      'download-report': '400 InvalidRequest',
      'download-archived-report': '400 InvalidRequest',
      'upload-invoice': '403 SignatureDoesNotMatch',
      'send-welcome-email': '403 InvalidClientTokenId',
      'send-alert': '403 SignatureDoesNotMatch',
      'send-weekly-digest': '403 IncompleteSignature',
      'send-account-notice': '403 IncompleteSignature',
      'send-newsletter': '403 InvalidClientTokenId',
      'save-backup': '400 InvalidRequest',
    });
  });

  it('migrates every call site and leaves nothing to do by hand', () => {
    assert.equal(result.migration.exitCode, 0, result.migration.stdout + result.migration.stderr);
    for (const file of ['src/storage.js', 'src/downloads.cjs', 'src/upload.ts', 'src/mailer.ts', 'src/alerts.js', 'src/digest.ts', 'src/notices.js', 'src/backups.ts', 'src/newsletter.js']) {
      assert.match(result.diff, new RegExp(`^\\+\\+\\+ b/${file.replace('.', '\\.')}$`, 'm'), `${file} was not rewritten`);
    }
  });

  it('succeeds after the migration', () => {
    assert.deepEqual(statusOf(result.after), {
      'save-report': 'ok',
      'download-report': 'ok',
      'download-archived-report': 'ok',
      'upload-invoice': 'ok',
      'send-welcome-email': 'ok',
      'send-alert': 'ok',
      'send-weekly-digest': 'ok',
      'send-account-notice': 'ok',
      'send-newsletter': 'ok',
      'save-backup': 'ok',
    });
  });

  it('type-checks the migrated TypeScript', () => {
    assert.equal(result.typecheck.exitCode, 0, result.typecheck.stdout);
  });

  it('passes eslint:recommended, typescript-eslint recommended and configs.recommended after the migration', () => {
    assert.deepEqual(result.lint.problems, []);
  });

  it('changes nothing when run again', () => {
    assert.equal(result.secondRun.exitCode, 0, result.secondRun.stdout + result.secondRun.stderr);
    assert.equal(result.changedBySecondRun, '');
  });
});
