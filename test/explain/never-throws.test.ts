// explainSignatureError never throws: any text, any truncation of real inputs, gives a report (exit 0, 1 or 2).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import fc from 'fast-check';
import { explainSignatureError } from '../../src/explain/index';
import type { ExplainInput } from '../../src/explain/index';

const example = join(import.meta.dirname, '../../examples/explain-ses-unsorted');
const files = {
  error: readFileSync(join(example, 'error.xml'), 'utf8'),
  request: readFileSync(join(example, 'request.http'), 'utf8'),
  canonicalRequest: readFileSync(join(example, 'canonical-request.txt'), 'utf8'),
};

function assertReport(input: ExplainInput): void {
  const report = explainSignatureError(input);
  assert.ok([0, 1, 2].includes(report.exitCode));
  assert.equal(report.exitCode === 2, report.inputProblem !== undefined);
}

it('gives a report for any text in any input', () => {
  const text = fc.option(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('<Error>', '{', 'GET / HTTP/1.1', '<Error><Code>A</Code></Error>')), { nil: undefined });
  fc.assert(
    fc.property(text, text, text, text, (error, request, canonicalRequest, stringToSign) => {
      assertReport({ error, request, canonicalRequest, stringToSign });
    }),
    { numRuns: 300 },
  );
});

it('gives a report for every truncation and one-character change of the real inputs', () => {
  fc.assert(
    fc.property(fc.constantFrom('error', 'request', 'canonicalRequest') as fc.Arbitrary<keyof typeof files>, fc.nat(), fc.nat(), fc.string({ minLength: 1, maxLength: 1 }), (which, cut, at, replacement) => {
      const original = files[which];
      const truncated = original.slice(0, cut % (original.length + 1));
      const position = at % original.length;
      const changed = original.slice(0, position) + replacement + original.slice(position + 1);
      assertReport({ ...files, [which]: truncated });
      assertReport({ ...files, [which]: changed });
    }),
    { numRuns: 400 },
  );
});
