// Child process for the Ctrl-C test: the real CLI entry (startCli) with the test rules, pausing
// after the first file is written so the parent's SIGINT lands mid-run.
import { startCli } from '../../../src/cli/run';
import { createVendorDirectory, testEngine } from './engine-fixtures';

const pause = new Int32Array(new SharedArrayBuffer(4));

startCli(process.argv.slice(2), {
  ...testEngine,
  vendorDirectory: createVendorDirectory(),
  onProgress(progress) {
    if (progress.phase === 'write' && progress.filesDone === 1) {
      process.stderr.write('first file written\n');
      // Blocks this thread: the signal arrives now and is handled before the next file.
      Atomics.wait(pause, 0, 0, 500);
    }
  },
});
