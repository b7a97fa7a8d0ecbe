// Runs the demo: copies examples/legacy-app to a temporary git repository, calls every call site
// against local endpoints that verify signatures as AWS does, migrates the copy with the built CLI,
// and calls everything again. The end-to-end test and `npm run demo` share this.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startVerifyingS3 } from '../../test/support/verifying-s3-front';
import { startVerifyingSes } from '../../test/support/verifying-ses-endpoint';
import type { CallOutcome } from './call-sites';
import { lintMigratedApp } from './lint-migrated';
import type { LintOutcome } from './lint-migrated';

const run = promisify(execFile);
const REPOSITORY_ROOT = join(import.meta.dirname, '..', '..');
const CALL_SITES_ENTRY = join(import.meta.dirname, 'call-sites.ts');
const BUILT_CLI = join(REPOSITORY_ROOT, 'dist', 'cli.mjs');

/** AWS's documented example key pair: the endpoints know it, AWS does not. */
const DEMO_CREDENTIALS = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
const REGION = 'us-east-1';
const BUCKET = 'reports';

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface DemoResult {
  before: CallOutcome[];
  migration: CommandResult;
  /** `git diff` of the migrated copy. */
  diff: string;
  after: CallOutcome[];
  /** `tsc --noEmit` over the migrated TypeScript. */
  typecheck: CommandResult;
  /** eslint:recommended + typescript-eslint recommended + configs.recommended over the migrated app. */
  lint: LintOutcome;
  /** The CLI once more over its own (committed) output, and what that changed: '' when idempotent. */
  secondRun: CommandResult;
  changedBySecondRun: string;
}

async function runCommand(file: string, args: string[], cwd: string, env = process.env): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await run(file, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
    return { exitCode: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { exitCode: typeof failed.code === 'number' ? failed.code : 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

async function copyDemoIntoGitRepository(workDirectory: string): Promise<string> {
  const appDirectory = join(workDirectory, 'legacy-app');
  await cp(join(REPOSITORY_ROOT, 'examples', 'legacy-app'), appDirectory, { recursive: true });
  // The copy uses this repository's packages (aws-sdk v2, @types/node) without an install.
  await symlink(join(REPOSITORY_ROOT, 'node_modules'), join(appDirectory, 'node_modules'), 'dir');
  const git = (...args: string[]) => run('git', ['-c', 'user.name=demo', '-c', 'user.email=demo@example.com', ...args], { cwd: appDirectory });
  await git('init', '-q');
  await git('add', '-A');
  await git('commit', '-qm', 'legacy app');
  return appDirectory;
}

async function callEverything(appDirectory: string, env: NodeJS.ProcessEnv): Promise<CallOutcome[]> {
  const result = await runCommand(process.execPath, ['--import', 'tsx', CALL_SITES_ENTRY, appDirectory], REPOSITORY_ROOT, env);
  const lastLine = result.stdout.trim().split('\n').at(-1) ?? '';
  if (!lastLine.startsWith('[')) throw new Error(`the demo's call sites did not run:\n${result.stderr}`);
  return JSON.parse(lastLine) as CallOutcome[];
}

export async function runDemo(): Promise<DemoResult> {
  const workDirectory = await mkdtemp(join(tmpdir(), 'sigv4-migrate-demo-'));
  const s3 = await startVerifyingS3({ credentials: [DEMO_CREDENTIALS], region: REGION, bucket: BUCKET });
  const ses = await startVerifyingSes({ credentials: [DEMO_CREDENTIALS], region: REGION });
  try {
    const appDirectory = await copyDemoIntoGitRepository(workDirectory);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      AWS_ACCESS_KEY_ID: DEMO_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: DEMO_CREDENTIALS.secretAccessKey,
      AWS_REGION: REGION,
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      AWS_ENDPOINT_URL_SES: ses.endpoint,
      REPORTS_BUCKET: BUCKET,
      AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
    };
    const before = await callEverything(appDirectory, env);
    const migrate = () => runCommand(process.execPath, [BUILT_CLI, 'src/'], appDirectory, { ...process.env, NO_COLOR: '1' });
    const gitDiff = async () => (await runCommand('git', ['diff', '--no-color'], appDirectory)).stdout;
    const migration = await migrate();
    const diff = await gitDiff();
    const after = await callEverything(appDirectory, env);
    const typecheck = await runCommand(process.execPath, [join(REPOSITORY_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', '.'], appDirectory);
    const lint = await lintMigratedApp(appDirectory);
    await runCommand('git', ['-c', 'user.name=demo', '-c', 'user.email=demo@example.com', 'commit', '-qam', 'migrated'], appDirectory);
    const secondRun = await migrate();
    const changedBySecondRun = await gitDiff();
    return { before, migration, diff, after, typecheck, lint, secondRun, changedBySecondRun };
  } finally {
    await Promise.all([s3.close(), ses.close()]);
    await rm(workDirectory, { recursive: true, force: true });
  }
}
