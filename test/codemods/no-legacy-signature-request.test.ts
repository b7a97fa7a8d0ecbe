// The SigV3 mailers that send with the `request` npm package, run before and after the codemod
// against an SES endpoint that verifies SigV4. The package is not a dependency: each run gets a
// stand-in with request's call shape (`request(options, cb)`, `request.post(options, cb)`) that
// sends over node:http to the local endpoint, keeping the method, path, headers and body.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { rules } from '../../rules/index';
import { migrateSource } from '../../src/migrate';
import { startVerifyingSes } from '../support/verifying-ses-endpoint';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, 'no-legacy-signature');
const helper = join(here, '..', '..', 'src', 'sigv4', 'index.ts');
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const params = { Action: 'SendEmail', Source: 'a@example.com', 'Destination.ToAddresses.member.1': 'b@example.com', 'Message.Subject.Data': 'Hi', 'Message.Body.Text.Data': 'Hello' };

/** A `request` package stand-in: the URL's path goes to `endpoint`, everything else as given. */
function requestStandIn(endpoint: string): string {
  return `'use strict';
const http = require('node:http');
const target = new URL(${JSON.stringify(endpoint)});
function send(options, callback) {
  const url = new URL(options.url || options.uri);
  const req = http.request({ host: target.hostname, port: target.port, path: url.pathname + url.search, method: options.method || 'GET', headers: options.headers }, (res) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk) => (text += chunk));
    res.on('end', () => callback(null, res, text));
  });
  req.on('error', callback);
  req.end(options.body);
}
module.exports = function request(options, callback) { send(options, callback); };
module.exports.post = function post(options, callback) { send({ ...options, method: 'POST' }, callback); };
`;
}

/** A folder holding the stand-in as node_modules/request, so the fixtures' `require('request')` finds it. */
function projectWithRequest(endpoint: string): string {
  const directory = mkdtempSync(join(tmpdir(), 'ses-request-'));
  mkdirSync(join(directory, 'node_modules', 'request'), { recursive: true });
  writeFileSync(join(directory, 'node_modules', 'request', 'index.js'), requestStandIn(endpoint));
  return directory;
}

/** A fixture copied into the project, importing the helper from the source tree. */
function placeFixture(directory: string, fixture: string): string {
  const file = join(directory, fixture.replace(/\.(input|output)\./, '-$1.'));
  const text = readFileSync(join(fixtures, fixture), 'utf8').replace(/(['"])sigv4-migrate\/sigv4\1/, JSON.stringify(helper));
  writeFileSync(file, text);
  return file;
}

describe('no-legacy-signature codemod: mailers that send with the request package', () => {
  it('request({ method, uri, headers, body }, cb): refused as SigV3, accepted once rewritten (CommonJS fixture, run)', async () => {
    const ses = await startVerifyingSes({ credentials: [credentials], region: 'eu-west-1' });
    const directory = projectWithRequest(ses.endpoint);
    try {
      const send = (fixture: string) => {
        const { sendMail } = createRequire(import.meta.url)(placeFixture(directory, fixture)) as { sendMail: (...args: unknown[]) => void };
        return new Promise((resolve, reject) => sendMail(params, credentials.accessKeyId, credentials.secretAccessKey, (error: Error | null, status: number) => (error ? reject(error) : resolve(status))));
      };
      assert.equal(await send('ses-sigv3-request-package.input.cjs'), 403);
      assert.equal(await send('ses-sigv3-request-package.output.cjs'), 200);
      assert.deepEqual(ses.sent.map((mail) => mail.destinations), [['b@example.com']]);
    } finally {
      await ses.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('request(options) with the options built step by step: refused as SigV3, accepted once rewritten (CommonJS fixture, run)', async () => {
    const ses = await startVerifyingSes({ credentials: [credentials], region: 'us-east-1' });
    const directory = projectWithRequest(ses.endpoint);
    try {
      const send = (fixture: string) => {
        const { sendEmail } = createRequire(import.meta.url)(placeFixture(directory, fixture)) as { sendEmail: (...args: unknown[]) => void };
        return new Promise((resolve, reject) => sendEmail(credentials, params, (error: Error | null, status: number) => (error ? reject(error) : resolve(status))));
      };
      assert.equal(await send('ses-sigv3-assigned-options.input.js'), 403);
      assert.equal(await send('ses-sigv3-assigned-options.output.js'), 200);
      assert.deepEqual(ses.sent.map((mail) => mail.destinations), [['b@example.com']]);
    } finally {
      await ses.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('request.post with headers from a function of their own: accepted once rewritten (ESM fixture, run)', async () => {
    const ses = await startVerifyingSes({ credentials: [credentials], region: 'us-west-2' });
    const directory = projectWithRequest(ses.endpoint);
    try {
      const send = async (fixture: string) => {
        const { sendRaw } = (await import(pathToFileURL(placeFixture(directory, fixture)).href)) as { sendRaw: (...args: unknown[]) => void };
        return new Promise((resolve, reject) => sendRaw('From: a@example.com\r\nTo: c@example.com\r\n\r\nHello', credentials, (error: Error | null, response: { statusCode: number }) => (error ? reject(error) : resolve(response.statusCode))));
      };
      assert.equal(await send('ses-sigv3-request-post-template.input.mjs'), 403);
      assert.equal(await send('ses-sigv3-request-post-template.output.mjs'), 200);
      assert.equal(ses.sent.length, 1);
      assert.equal(ses.sent[0]!.action, 'SendRawEmail');
    } finally {
      await ses.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });
  it('a constructor-and-prototype mailer (this.headers() with no body, request({ uri, headers, body })): refused as SigV3, accepted once rewritten (CommonJS fixture, run)', async () => {
    const ses = await startVerifyingSes({ credentials: [credentials], region: 'eu-west-1' });
    const directory = projectWithRequest(ses.endpoint);
    try {
      const send = (fixture: string) => {
        const Mailer = createRequire(import.meta.url)(placeFixture(directory, fixture)) as new (options: object) => { send: (...args: unknown[]) => void };
        const mailer = new Mailer({ key: credentials.accessKeyId, secret: credentials.secretAccessKey });
        return new Promise((resolve, reject) => mailer.send(params, (error: Error | null, status: number) => (error ? reject(error) : resolve(status))));
      };
      assert.equal(await send('ses-sigv3-prototype-request.input.cjs'), 403);
      assert.equal(await send('ses-sigv3-prototype-request.output.cjs'), 200);
      assert.deepEqual(ses.sent.map((mail) => mail.destinations), [['b@example.com']]);
    } finally {
      await ses.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

/** Why each finding of a file stays manual (the file must stay as it was). */
function manualTodos(text: string, extension = 'cjs'): string[] {
  const result = migrateSource({ filePath: join(fixtures, `case.${extension}`), text, rules: { 'no-legacy-signature': rules['no-legacy-signature'] } });
  assert.equal(result.output, text);
  assert.ok(result.findings.length > 0);
  for (const finding of result.findings) assert.equal(finding.status, 'manual', finding.message);
  return result.findings.map((finding) => finding.why ?? '');
}

const ROUTE53 = readFileSync(join(fixtures, 'ses-sigv3-route53.input.cjs'), 'utf8');

function route53(...replacements: [string, string][]): string {
  return replacements.reduce((text, [from, to]) => {
    assert.ok(text.includes(from), `the fixture contains ${from}`);
    return text.replace(from, to);
  }, ROUTE53);
}

/** The file migrated: every finding fixed, and the output. */
function fixedOutput(text: string, extension = 'cjs'): string {
  const result = migrateSource({ filePath: join(fixtures, `case.${extension}`), text, rules: { 'no-legacy-signature': rules['no-legacy-signature'] } });
  assert.ok(result.findings.length > 0);
  for (const finding of result.findings) assert.equal(finding.status, 'fixed', finding.why);
  return result.output;
}

describe('no-legacy-signature codemod: a headers function that cannot sign in place is signed where the request is sent', () => {
  it('a URL that reads a value the headers function does not receive', () => {
    const output = fixedOutput(route53(
      ["const CHANGE_URL = 'https://route53.amazonaws.com/2013-04-01/hostedzone/Z1D633PJN98FT9/rrset';\n", ''],
      ['function changeRecord(changeXml, done) {', 'function changeRecord(zoneId, changeXml, done) {'],
      ['url: CHANGE_URL', 'url: `https://route53.amazonaws.com/2013-04-01/hostedzone/${zoneId}/rrset`'],
    ));
    assert.match(output, /const signed = signRequest\(\{\n {4}method: 'POST',\n {4}url: `https:\/\/route53\.amazonaws\.com\/2013-04-01\/hostedzone\/\$\{zoneId\}\/rrset`,\n {4}headers: route53Headers\(body\),\n {4}body,?\n {2}\}, \{ service: 'route53', region: 'us-east-1', credentials: \{ accessKeyId: ACCESS_KEY, secretAccessKey: SECRET_KEY \} \}\);/);
    assert.match(output, /request\.post\(\{ url: signed\.url, headers: signed\.headers, body \}, done\);/);
    assert.match(output, /function route53Headers\(body\) \{\n {2}return \{\n {4}'Content-Type': 'text\/xml',\n {2}\};\n\}/);
    assert.doesNotMatch(output, /createHmac|AWS3-HTTPS|x-amz-date/);
  });

  it('a body that is not passed to the headers function', () => {
    const output = fixedOutput(route53(['headers: route53Headers(body)', 'headers: route53Headers()']));
    assert.match(output, /headers: route53Headers\(\),\n {4}body,?\n/);
    assert.match(output, /request\.post\(\{ url: signed\.url, headers: signed\.headers, body \}, done\);/);
  });

  it('a body that may change after the headers function runs: what is sent is what is signed', () => {
    const output = fixedOutput(route53(['const body = String(changeXml);', 'let body: string = String(changeXml);\n  if (!body) body = "<empty/>";']), 'ts');
    assert.match(output, /if \(!body\) body = "<empty\/>";\n {2}const signed = signRequest\(/);
  });
});

describe('no-legacy-signature codemod: request-package signers it leaves manual, naming the value it could not see', () => {
  it('request options that change the body after signing (form)', () => {
    const text = route53(['{ url: CHANGE_URL, headers: route53Headers(body), body }', '{ url: CHANGE_URL, headers: route53Headers(body), form: { body } }']);
    for (const todo of manualTodos(text)) assert.match(todo, /because the request\(\) options set 'form', which changes the URL or the body after signing/);
  });
});

describe('no-legacy-signature codemod: SigV3 strings whose request is out of sight', () => {
  it('a header name read from overridable settings', () => {
    const text = `const crypto = require('crypto');
const DEFAULTS = { authHeader: 'X-Amzn-Authorization' };
function headers(settings, date) {
  const { authHeader } = { ...DEFAULTS, ...settings };
  return { Date: date, [authHeader]: 'AWS3-HTTPS AWSAccessKeyId=' + settings.key + ',Algorithm=HmacSHA256,Signature=' + crypto.createHmac('sha256', settings.secret).update(date).digest('base64') };
}
module.exports = { headers };
`;
    const todos = manualTodos(text);
    assert.ok(todos.some((todo) => todo.includes("because the header name is the value of the 'authHeader' setting, which callers may change, so the header it names cannot be followed.")), todos.join('\n'));
    assert.ok(todos.some((todo) => todo.includes('because the header name [authHeader] is not a constant in this file, so it cannot be seen to be X-Amzn-Authorization.')), todos.join('\n'));
  });

  it('headers built by a prototype method and handed to a sender that cannot see the credentials', () => {
    const text = `var crypto = require('crypto');
var request = require('request');
function send(url, params, headers, done) {
  var body = new URLSearchParams(params).toString();
  request({ url: url, method: 'POST', headers: headers, body: body }, done);
}
function Mailer(options) {
  this.key = options.key;
  this.secret = options.secret;
  this.date = new Date().toUTCString();
}
Mailer.prototype.headers = function () {
  var headers = {};
  headers.Date = this.date;
  headers['X-Amzn-Authorization'] = 'AWS3-HTTPS AWSAccessKeyId=' + this.key + ', Algorithm=HmacSHA256, Signature=' + crypto.createHmac('sha256', this.secret).update(this.date).digest('base64');
  return headers;
};
Mailer.prototype.post = function (params, done) {
  send('https://email.us-east-1.amazonaws.com/', params, this.headers(), done);
};
module.exports = Mailer;
`;
    for (const todo of manualTodos(text)) {
      assert.equal(todo, "Not rewritten because the headers from this.headers() are sent by send(), which does not see the access key and secret: pass them there and sign with signRequest (sign for service 'ses').");
    }
  });

  it('a function that returns the AWS3 string to its callers', () => {
    const text = `function legacyAuthorization(key, signature) {
  return 'AWS3-HTTPS AWSAccessKeyId=' + key + ',Algorithm=HmacSHA256,Signature=' + signature;
}
module.exports = { legacyAuthorization };
`;
    for (const todo of manualTodos(text)) {
      assert.match(todo, /because legacyAuthorization\(\) returns the AWS3 string to its callers, so the request it signs is not visible here/);
    }
  });
});
