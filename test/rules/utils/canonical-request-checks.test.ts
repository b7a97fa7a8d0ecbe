// Unit tests for the text-level helpers behind sorted-canonical-query: header-list findings and the
// replacement texts its fixes write (run here, so a wrong fix text fails on what it computes).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { literalHeaderFindings } from '../../../rules/utils/canonical-header-checks';
import { RFC3986_ENCODER_CALLBACK, rfc3986EncodeText, withUpperCaseHexEscapes } from '../../../rules/utils/encoding-fix-texts';
import type { StringPart } from '../../../rules/utils/string-parts';

const text = (value: string): StringPart => ({ kind: 'text', text: value });

/** Runs a fix text as JavaScript with `value` in scope. */
function evaluate(expression: string, value: string): unknown {
  return new Function('value', `return ${expression};`)(value);
}

describe('literalHeaderFindings', () => {
  it('finds header lines out of code-point order', () => {
    assert.deepEqual(literalHeaderFindings([text('x-amz-date:1\nhost:a\n')], '\n'), [
      { messageId: 'unsortedCanonicalHeaders', data: { how: 'written in the order x-amz-date, host' } },
    ]);
  });

  it('finds names that are not lower-cased, and orders them lower-cased', () => {
    assert.deepEqual(literalHeaderFindings([text('Host;x-amz-date')], ';'), [
      { messageId: 'headerNamesNotLowercased', data: { names: 'Host' } },
    ]);
  });

  it('trusts a list the code sorts itself', () => {
    assert.deepEqual(literalHeaderFindings([text('x-amz-date;host')], ';', true), []);
  });

  it('finds nothing in text that is not a header list', () => {
    assert.deepEqual(literalHeaderFindings([text('Line: 1\nLine: 2')], '\n'), []);
  });
});

describe('encoding fix texts', () => {
  it('encodes every character RFC 3986 reserves, with upper-case hex', () => {
    assert.equal(evaluate(rfc3986EncodeText('value'), "a b!'()*~"), 'a%20b%21%27%28%29%2A~');
  });

  it('writes a callback that encodes the same way', () => {
    const encode = evaluate(RFC3986_ENCODER_CALLBACK, '') as (value: string) => string;
    assert.equal(encode("it's (*)"), 'it%27s%20%28%2A%29');
  });

  it('upper-cases the hex of every percent escape, and nothing else', () => {
    assert.equal(withUpperCaseHexEscapes("'%2a%2F and %7e'"), "'%2A%2F and %7E'");
  });
});
