// Worker thread entry (bundled to dist/lint-worker.mjs): lints candidate texts with the plugin's
// rules so big runs parse on every core; the main thread keeps the codemods and the writes.
import { parentPort, workerData } from 'node:worker_threads';
import { rules } from '../../rules/index';
import type { RuleName } from '../../rules/index';
import { createHeapTrimmer } from './heap';
import { createRuleLinter } from '../engine/lint';

export interface LintRequest {
  id: number;
  path: string;
  text: string;
}

const { ruleNames, trimHeap: trimHeapEnabled } = workerData as { ruleNames: RuleName[]; trimHeap: boolean };
const lintText = createRuleLinter(Object.fromEntries(ruleNames.map((name) => [name, rules[name]])));
const trimHeap = createHeapTrimmer({ enabled: trimHeapEnabled });

parentPort?.on('message', ({ id, path, text }: LintRequest) => {
  trimHeap.willParse(text.length);
  parentPort?.postMessage({ id, result: lintText(path, text) });
  trimHeap.parsed(text.length);
});
