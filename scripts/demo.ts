// `npm run demo`: shows what sigv4-migrate fixes in examples/legacy-app, call by call.
import { CALL_SITES } from './demo/call-sites';
import type { CallOutcome } from './demo/call-sites';
import { runDemo } from './demo/run-demo';

function describeOutcome(outcome: CallOutcome | undefined): string {
  if (!outcome) return 'not run';
  return outcome.ok ? `${outcome.status} OK` : `${outcome.status} ${outcome.code}`;
}

const result = await runDemo();
const out = (line = '') => process.stdout.write(`${line}\n`);

out('sigv4-migrate demo: examples/legacy-app against local endpoints that verify SigV4 as AWS does\n');
out('$ npx sigv4-migrate src/');
out((result.migration.stdout + result.migration.stderr).trimEnd());
out(`(exit code ${result.migration.exitCode})\n`);
out(result.diff.trimEnd());
out();
const width = Math.max(...CALL_SITES.map((site) => site.request.length));
out(`${'call'.padEnd(width)}  ${'before'.padEnd(28)}  after`);
for (const site of CALL_SITES) {
  const before = describeOutcome(result.before.find((outcome) => outcome.id === site.id));
  const after = describeOutcome(result.after.find((outcome) => outcome.id === site.id));
  out(`${site.request.padEnd(width)}  ${before.padEnd(28)}  ${after}`);
}
out();
out(`tsc --noEmit on the migrated TypeScript: ${result.typecheck.exitCode === 0 ? 'passes' : `fails\n${result.typecheck.stdout}`}`);
const allFixed = result.after.every((outcome) => outcome.ok);
process.exitCode = allFixed && result.typecheck.exitCode === 0 ? 0 : 1;
