// Runs the CLI in process with the test engine and captured streams, as the CLI tests need it.
import { runCli } from '../../../src/cli/run';
import { createVendorDirectory, testEngine } from './engine-fixtures';

const vendorDirectory = createVendorDirectory();

/** A stream that keeps what is written; `isTTY` decides colours and the progress bar. */
export class Capture {
  text = '';
  constructor(readonly isTTY = false) {}
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

export async function cli(root: string, argv: string[], options: { env?: NodeJS.ProcessEnv; tty?: boolean } = {}) {
  const stdout = new Capture(options.tty);
  const stderr = new Capture(options.tty);
  const code = await runCli(argv, { stdout, stderr, env: options.env ?? {}, cwd: root, overrides: { ...testEngine, vendorDirectory } });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
