// The `sigv4-migrate` bin (bundled to dist/cli.mjs): binds runCli to this process, turning the first
// Ctrl-C into a stop between files and a second one into an immediate exit.
import { runCli } from './run';

const controller = new AbortController();
process.on('SIGINT', () => {
  // Writes are atomic renames, so even an immediate exit leaves every file old or new.
  if (controller.signal.aborted) process.exit(130);
  controller.abort();
});

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`sigv4-migrate: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 3;
  },
);
