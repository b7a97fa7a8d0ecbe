// The `sigv4-migrate` bin, bundled to dist/cli.mjs.
import { startCli } from './run';

startCli(process.argv.slice(2));
