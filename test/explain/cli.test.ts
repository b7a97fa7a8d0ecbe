// `sigv4-migrate explain` as a command: files and stdin, the text and --json reports, exit codes 0/1/2,
// and unusable input (truncated XML, HTML, unsigned requests, binary, 10 MB) answered without a trace.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../src/cli/run';
import { CAUSE_IDS } from '../../src/explain/index';
import { explainSignatureError } from '../../src/migrate';
import type { ExplainReport } from '../../src/explain/index';

const example = join(import.meta.dirname, '../../examples/explain-ses-unsorted');
const exampleFiles = { error: join(example, 'error.xml'), request: join(example, 'request.http'), canonical: join(example, 'canonical-request.txt') };
const scratch = mkdtempSync(join(tmpdir(), 'explain-cli-'));

class Capture {
  text = '';
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

async function explain(argv: string[], stdinText?: string | Uint8Array) {
  const stdout = new Capture();
  const stderr = new Capture();
  const stdin = (async function* () {
    if (stdinText !== undefined) yield typeof stdinText === 'string' ? Buffer.from(stdinText) : stdinText;
  })();
  const code = await runCli(['explain', ...argv], { stdout, stderr, env: {}, cwd: scratch, stdin } as Parameters<typeof runCli>[1]);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

function scratchFile(name: string, content: string | Uint8Array): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

function assertNoStackTrace(text: string): void {
  assert.doesNotMatch(text, /\n\s+at .+:\d+:\d+/);
}

describe('sigv4-migrate explain', () => {
  it('--help lists the inputs, every cause id and the exit codes', async () => {
    const { code, stdout } = await explain(['--help']);
    assert.equal(code, 0);
    for (const expected of ['Usage: sigv4-migrate explain', '--request', '--canonical-request', '--string-to-sign', '--json', 'Exit codes', ...CAUSE_IDS]) {
      assert.ok(stdout.includes(expected), `help mentions ${expected}`);
    }
  });

  it('explains the example: side by side, the differing query pairs marked, then the cause (exit 0)', async () => {
    const { code, stdout, stderr } = await explain([exampleFiles.error, '--request', exampleFiles.request, '--canonical-request', exampleFiles.canonical]);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^AWS answered SignatureDoesNotMatch/);
    assert.match(stdout, /AWS computed \(from its error\) +│ your code signed/);
    assert.match(stdout, /≠ +\(absent\) +│ \[\[&Source=sender%40example\.com\]\]\n/);
    assert.match(stdout, /\n {6}&Destination\.ToAddresses\.member\.1=recipient%40example\.com +│ &Destination\.ToAddresses\.member\.1=recipient%40example\.com\n/);
    assert.match(stdout, /\n {3}1 {2}GET +│ GET\n/);
    assert.match(stdout, /Causes:\n {2}unsorted-query \(line 3\): Your code signed the query in written order/);
  });

  it('explains the example from the request and canonical request alone, as JSON', async () => {
    const { code, stdout } = await explain(['--request', exampleFiles.request, '--canonical-request', exampleFiles.canonical, '--json']);
    assert.equal(code, 0);
    const report = JSON.parse(stdout) as ExplainReport;
    assert.deepEqual(report.causes.map((cause) => [cause.id, cause.line]), [['unsorted-query', 3]]);
    assert.equal(report.aws.canonicalRequestSource, 'request');
    assert.equal(report.client.credentialScope, '20260102/us-east-1/ses/aws4_request');
    assert.equal(report.client.signature, 'f3a2…');
  });

  it('prints with --json exactly what explainSignatureError from sigv4-migrate/codemod returns', async () => {
    const { stdout } = await explain([exampleFiles.error, '--request', exampleFiles.request, '--canonical-request', exampleFiles.canonical, '--json']);
    const programmatic = explainSignatureError({
      error: readFileSync(exampleFiles.error, 'utf8'),
      request: readFileSync(exampleFiles.request, 'utf8'),
      canonicalRequest: readFileSync(exampleFiles.canonical, 'utf8'),
    });
    assert.deepEqual(JSON.parse(stdout), programmatic);
  });

  it('reads the error body from stdin (-)', async () => {
    const skewed = '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the current time is too large.</Message><RequestTime>20260102T020405Z</RequestTime><ServerTime>2026-01-02T03:04:35Z</ServerTime><MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds><RequestId>1</RequestId><HostId>1</HostId></Error>';
    const { code, stdout } = await explain(['-'], skewed);
    assert.equal(code, 0);
    assert.match(stdout, /clock-skew: .*request time 20260102T020405Z, AWS's time 2026-01-02T03:04:35Z/);
  });

  it('exits 1 and lists the suspects when nothing can be named', async () => {
    const { code, stdout } = await explain([exampleFiles.error, '--request', exampleFiles.request]);
    assert.equal(code, 1);
    assert.match(stdout, /No cause can be named from these inputs\. Remaining suspects:/);
    assert.match(stdout, /- the query is sent unsorted/);
    assert.match(stdout, /- the secret access key/);
    assert.match(stdout, /- a proxy, load balancer/);
  });

  describe('unusable input: exit 2, which input and what is wrong, never a stack trace', () => {
    const cases: [string, () => string[], RegExp][] = [
      ['truncated XML', () => [scratchFile('truncated.xml', readFileSync(exampleFiles.error, 'utf8').slice(0, 300))], /the error body \(.*truncated\.xml\): is not well-formed XML: the document ends inside <ErrorResponse><Error><Message> \(truncated\?\)/],
      ['an HTML error page', () => [scratchFile('page.html', '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>Bad Gateway</body></html>')], /is an HTML page, not an AWS error document/],
      ['XML that is no AWS error', () => [scratchFile('ok.xml', '<ListBucketResult><Name>b</Name></ListBucketResult>')], /is XML but not an AWS error document: it has no <Code> element/],
      ['a request without any signature', () => ['--request', scratchFile('unsigned.json', JSON.stringify({ method: 'GET', url: 'https://s3.amazonaws.com/b/k', headers: { host: 's3.amazonaws.com' } }))], /--request .*unsigned\.json: carries no signature/],
      ['a request that is not one', () => ['--request', scratchFile('notes.txt', 'remember to rotate the keys\n')], /--request .*notes\.txt: is neither JSON nor an HTTP request/],
      ['binary garbage', () => [scratchFile('garbage.bin', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00, 0x01, ...randomBytes(64)]))], /the error body \(.*garbage\.bin\): contains bytes that are not UTF-8 text/],
      ['control characters', () => [scratchFile('nul.xml', '<Error>\u0000\u0001</Error>')], /contains binary data/],
      ['10 MB of input', () => [scratchFile('huge.xml', `<Error><Message>${'x'.repeat(10 * 1024 * 1024)}</Message></Error>`)], /the error body \(.*huge\.xml\): is over 4194304 bytes/],
      ['a missing file', () => [join(scratch, 'absent.xml')], /the error body \(.*absent\.xml\): cannot be read \(ENOENT\)/],
      ['a canonical request that is not one', () => [exampleFiles.error, '--canonical-request', scratchFile('cr.txt', 'GET /\n')], /--canonical-request .*cr\.txt: is not a canonical request/],
      ['an unknown flag', () => ['--verbose'], /Unknown option '--verbose'/],
    ];
    for (const [name, argv, expected] of cases) {
      it(name, async () => {
        const { code, stdout, stderr } = await explain(argv());
        assert.equal(code, 2, stdout + stderr);
        assert.match(stderr, /^sigv4-migrate explain: /);
        assert.match(stderr, expected);
        assertNoStackTrace(stderr);
      });
    }

    it('10 MB on stdin', async () => {
      const { code, stderr } = await explain(['-'], 'x'.repeat(10 * 1024 * 1024));
      assert.equal(code, 2);
      assert.match(stderr, /the error body \(stdin\): is over 4194304 bytes/);
    });

    it('empty stdin', async () => {
      const { code, stderr } = await explain([]);
      assert.equal(code, 2);
      assert.match(stderr, /the error body \(stdin\): is empty/);
    });

    it('--json still prints the report with the input problem', async () => {
      const { code, stdout } = await explain([scratchFile('html.xml', '<html><body>nope</body></html>'), '--json']);
      assert.equal(code, 2);
      const report = JSON.parse(stdout) as ExplainReport;
      assert.equal(report.inputProblem?.input, 'error');
    });

    it('as a process: the bin prints one line and exits 2', () => {
      const truncated = scratchFile('truncated2.xml', '<?xml version="1.0"?><Error><Code>SignatureDoes');
      const result = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../../src/cli/main.ts'), 'explain', truncated], { encoding: 'utf8' });
      assert.equal(result.status, 2, result.stderr);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /^sigv4-migrate explain: the error body \(.*\): is not well-formed XML: the document ends inside <Error><Code>/);
      assert.equal(result.stderr.trim().split('\n').length, 1);
    });
  });

  it('never echoes a secret pasted by mistake beyond its first 4 characters', async () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG+bPxrfiCYEXAMPLEKEY';
    const env = scratchFile('pasted.env', `AWS_ACCESS_KEY_ID=AKIDEXAMPLE\nAWS_SECRET_ACCESS_KEY=${secret}\n`);
    for (const argv of [[env], ['--request', env], [exampleFiles.error, '--canonical-request', env], [exampleFiles.error, '--string-to-sign', env, '--json']]) {
      const { code, stdout, stderr } = await explain(argv);
      assert.equal(code, 2);
      assert.ok(!(stdout + stderr).includes(secret.slice(0, 5)), `${argv.join(' ')} leaks nothing`);
    }
  });
});
