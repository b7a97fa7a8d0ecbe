// Signing speed of the helper against @smithy/signature-v4, aws4, aws4fetch and the SigV4 floor; and its bundle size.
import { createHmac, hash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import aws4 from 'aws4';
import { AwsV4Signer } from 'aws4fetch';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { presignUrl, signRequest } from '../src/sigv4';

type Operation = () => unknown;

const ROUNDS = 7;
const ROUND_CPU_MS = 120;
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const region = 'us-east-1';
const SmithySha256 = Hash.bind(null, 'sha256');
let sink: unknown;

function cpuMilliseconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/**
 * Operations per CPU second of this process, best of the rounds: CPU time rather than wall time, so that other
 * load on the machine does not count against whichever contender happens to run during it. Awaits only when the
 * operation is async.
 */
async function opsPerCpuSecond(operation: Operation): Promise<number> {
  let count = 0;
  const start = process.cpuUsage();
  while (cpuMilliseconds(start) < ROUND_CPU_MS) {
    for (let i = 0; i < 100; i++) {
      const result = operation();
      sink = result instanceof Promise ? await result : result;
    }
    count += 100;
  }
  return (count * 1000) / cpuMilliseconds(start);
}

/** Runs the contenders' rounds interleaved (a, b, c, a, b, c, ...) and keeps each one's best round. */
async function measure(operations: Record<string, Operation>): Promise<Map<string, number>> {
  const best = new Map<string, number>();
  for (const operation of Object.values(operations)) await opsPerCpuSecond(operation);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, operation] of Object.entries(operations)) best.set(name, Math.max(best.get(name) ?? 0, await opsPerCpuSecond(operation)));
  }
  return best;
}

/**
 * The least any SigV4 signer can do: hash one canonical request, HMAC one string to sign with a derived key, here
 * with node's createHmac. The helper builds its HMAC from two one-shot hashes over cached padded keys instead, which
 * costs less than createHmac, so part of its margin over this floor comes from there rather than from less JS work.
 */
function floorFor(canonicalRequest: string, scope: string): Operation {
  let key: Buffer | string = 'AWS4' + credentials.secretAccessKey;
  for (const part of scope.split('/')) key = createHmac('sha256', key).update(part).digest();
  const derived = key as Buffer;
  const prefix = `AWS4-HMAC-SHA256\n20150830T123600Z\n${scope}\n`;
  return () => createHmac('sha256', derived).update(prefix + hash('sha256', canonicalRequest, 'hex')).digest('hex');
}

interface Scenario {
  name: string;
  floor: Operation;
  contenders: Record<string, Operation>;
}

const getUrl = 'https://example.execute-api.us-east-1.amazonaws.com/prod/items/42?limit=10&next=abc';
const getHeaders = { 'content-type': 'application/json', 'x-trace': 'abc123', accept: 'application/json' };
const smithyService = new SignatureV4({ credentials, region, service: 'execute-api', sha256: SmithySha256 });
const smithyS3 = new SignatureV4({ credentials, region, service: 's3', sha256: SmithySha256, uriEscapePath: false });
const s3Url = 'https://examplebucket.s3.amazonaws.com/photos/2024/cat.jpg';
const postUrl = 'https://example.execute-api.us-east-1.amazonaws.com/prod/items';
const body = 'x'.repeat(1024);

const scenarios: Scenario[] = [
  {
    name: '(a) GET with headers',
    floor: floorFor(signRequest({ method: 'GET', url: getUrl, headers: getHeaders }, { service: 'execute-api', region, credentials }).canonicalRequest, '20150830/us-east-1/execute-api/aws4_request'),
    contenders: {
      'sigv4-migrate': () => signRequest({ method: 'GET', url: getUrl, headers: getHeaders }, { service: 'execute-api', region, credentials }),
      '@smithy/signature-v4': () =>
        smithyService.sign(
          new HttpRequest({ method: 'GET', protocol: 'https:', hostname: 'example.execute-api.us-east-1.amazonaws.com', path: '/prod/items/42', query: { limit: '10', next: 'abc' }, headers: { ...getHeaders, host: 'example.execute-api.us-east-1.amazonaws.com' } }),
        ),
      aws4: () => aws4.sign({ method: 'GET', host: 'example.execute-api.us-east-1.amazonaws.com', path: '/prod/items/42?limit=10&next=abc', headers: { ...getHeaders }, service: 'execute-api', region }, credentials),
      aws4fetch: () => new AwsV4Signer({ method: 'GET', url: getUrl, headers: getHeaders, service: 'execute-api', region, ...credentials }).sign(),
    },
  },
  {
    name: '(b) S3 presigned GET',
    floor: floorFor(presignUrl({ method: 'GET', url: s3Url }, { service: 's3', region, credentials, expiresIn: 3600 }).canonicalRequest, '20150830/us-east-1/s3/aws4_request'),
    contenders: {
      'sigv4-migrate': () => presignUrl({ method: 'GET', url: s3Url }, { service: 's3', region, credentials, expiresIn: 3600 }),
      '@smithy/signature-v4': () =>
        smithyS3.presign(new HttpRequest({ method: 'GET', protocol: 'https:', hostname: 'examplebucket.s3.amazonaws.com', path: '/photos/2024/cat.jpg', headers: { host: 'examplebucket.s3.amazonaws.com' } }), { expiresIn: 3600 }),
      aws4: () => aws4.sign({ method: 'GET', host: 'examplebucket.s3.amazonaws.com', path: '/photos/2024/cat.jpg', service: 's3', region, signQuery: true }, credentials),
      aws4fetch: () => new AwsV4Signer({ method: 'GET', url: s3Url, service: 's3', region, signQuery: true, ...credentials }).sign(),
    },
  },
  {
    name: '(c) POST with a 1 KiB body',
    floor: floorFor(signRequest({ method: 'POST', url: postUrl, headers: { 'content-type': 'application/json' }, body }, { service: 'execute-api', region, credentials }).canonicalRequest, '20150830/us-east-1/execute-api/aws4_request'),
    contenders: {
      'sigv4-migrate': () => signRequest({ method: 'POST', url: postUrl, headers: { 'content-type': 'application/json' }, body }, { service: 'execute-api', region, credentials }),
      '@smithy/signature-v4': () =>
        smithyService.sign(new HttpRequest({ method: 'POST', protocol: 'https:', hostname: 'example.execute-api.us-east-1.amazonaws.com', path: '/prod/items', headers: { 'content-type': 'application/json', host: 'example.execute-api.us-east-1.amazonaws.com' }, body })),
      aws4: () => aws4.sign({ method: 'POST', host: 'example.execute-api.us-east-1.amazonaws.com', path: '/prod/items', headers: { 'content-type': 'application/json' }, body, service: 'execute-api', region }, credentials),
      aws4fetch: () => new AwsV4Signer({ method: 'POST', url: postUrl, headers: { 'content-type': 'application/json' }, body, service: 'execute-api', region, ...credentials }).sign(),
    },
  },
];

function format(value: number): string {
  return Math.round(value).toLocaleString('en-US').padStart(10);
}

console.log(`ops per CPU second, best of ${ROUNDS} interleaved rounds of ${ROUND_CPU_MS} ms`);
for (const scenario of scenarios) {
  const results = await measure({ floor: scenario.floor, ...scenario.contenders });
  const floor = results.get('floor') ?? 0;
  const ours = results.get('sigv4-migrate') ?? 0;
  console.log(`\n${scenario.name}`);
  for (const [name, ops] of results) {
    const label = name === 'floor' ? 'floor (1 SHA-256 + 1 HMAC)' : name;
    const ratio =
      name === 'floor' ? '' : name === 'sigv4-migrate' ? `time ours/floor ${(floor / ours).toFixed(2)}x` : `speed ours/theirs ${(ours / ops).toFixed(2)}x`;
    console.log(`  ${label.padEnd(28)}${format(ops)} ops/s   ${ratio}`);
  }
}

async function gzippedBundleSize(entry: string): Promise<{ minified: number; gzipped: number }> {
  const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'neutral', target: 'es2022', write: false, logLevel: 'silent' });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength };
}

const ownSize = await gzippedBundleSize(fileURLToPath(new URL('../src/sigv4/index.ts', import.meta.url)));
const aws4fetchSize = await gzippedBundleSize(fileURLToPath(new URL('../node_modules/aws4fetch/dist/aws4fetch.esm.mjs', import.meta.url)));
console.log('\nESM bundle, minified + gzipped (target <= 4096 bytes)');
console.log(`  sigv4-migrate/sigv4   ${ownSize.gzipped} bytes (${ownSize.minified} minified)${ownSize.gzipped > 4096 ? '  OVER TARGET' : ''}`);
console.log(`  aws4fetch             ${aws4fetchSize.gzipped} bytes (${aws4fetchSize.minified} minified)`);

// Keeps the results reachable so that no contender's work can be optimised away.
if (sink === Symbol.for('never')) console.log(sink);
