// Proves the value layer's `objectAt`, `callee` and `constructionOf` on their own: options objects
// built step by step, promisify/bind of a method, factories and clients kept on `this`.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { TSESTree } from '@typescript-eslint/utils';
import { propertyAt, type PropertyAt, type ValueTracker } from '../../../rules/values';
import { probeAll } from './support';

/** The lookup of `name` in the first probed object, with values as source text. */
function lookup(code: string, name: string): string {
  let summary = 'no probe';
  probeAll(code, (tracker, argument, call) => {
    summary = describeLookup(propertyAt(tracker.objectAt(argument, call), name), code);
  });
  return summary;
}

function describeLookup(found: PropertyAt, code: string): string {
  const text = (node: TSESTree.Node): string => code.slice(node.range[0], node.range[1]);
  if (found.kind === 'found') return [text(found.value), ...found.maybe.map((node) => `maybe ${text(node)}`)].join(', ');
  return found.kind === 'unknown' ? `unknown${found.fromCaller ? ' from caller' : ''}` : 'absent';
}

function probed<T>(code: string, ask: (tracker: ValueTracker, argument: TSESTree.Node) => T): T[] {
  const answers: T[] = [];
  probeAll(code, (tracker, argument) => answers.push(ask(tracker, argument)));
  return answers;
}

describe('objectAt', () => {
  it('reads the literal, spreads and member assignments before the use', () => {
    assert.equal(lookup("const o = { region: 'a' }; o.signatureVersion = 'v4'; probe(o);", 'signatureVersion'), "'v4'");
    assert.equal(lookup("const base = { v: 1 }; const o = { ...base }; probe(o);", 'v'), '1');
    assert.equal(lookup("const o = {}; Object.assign(o, { v: 2 }); probe(o);", 'v'), '2');
    assert.equal(lookup("const o = Object.assign({}, { v: 1 }, { v: 3 }); probe(o);", 'v'), '3');
  });

  it('ignores writes after the use and marks conditional ones as maybe', () => {
    assert.equal(lookup("const o = { v: 1 }; probe(o); o.v = 2;", 'v'), '1');
    assert.equal(lookup("const o = { v: 1 }; if (x) o.v = 2; probe(o);", 'v'), '1, maybe 2');
    assert.equal(lookup("const o = {}; if (x) o.v = 2; probe(o);", 'v'), '2');
    assert.equal(lookup("const o = { a: 1 }; probe(o);", 'v'), 'absent');
  });

  it('is open where only run time or the caller knows', () => {
    assert.equal(lookup('function make(opts) { const o = { ...opts }; probe(o); }', 'v'), 'unknown from caller');
    assert.equal(lookup("function make(opts) { probe({ ...opts, v: 'x' }); }", 'v'), "'x'");
    assert.equal(lookup('const o = { [k]: 1 }; probe(o);', 'v'), 'unknown');
    assert.equal(lookup("import o from './o'; probe(o);", 'v'), 'unknown');
  });

  it("trusts a parameter's Omit<T, …> type for the keys it rules out, and only for those", () => {
    const factory = (type: string): string => `function make(extra: ${type} = {}) { probe({ v: 'v4', ...extra }); }`;
    assert.equal(lookup(factory("Omit<Options, 'v'>"), 'v'), "'v4'");
    assert.equal(lookup(factory("Omit<Options, 'region' | 'v'>"), 'v'), "'v4'");
    assert.equal(lookup(factory("Omit<Options, 'region'>"), 'v'), 'unknown from caller');
    assert.equal(lookup(factory('Options'), 'v'), 'unknown from caller');
    assert.equal(lookup("function make(extra: Omit<Options, 'v'>) { probe({ ...extra }); }", 'v'), 'absent');
  });
});

describe('callee', () => {
  const calleeText = (code: string): string[] =>
    probed(code, (tracker, argument) => {
      const target = tracker.callee(argument);
      if (!target) return 'none';
      const text = (node: TSESTree.Node): string => code.slice(node.range[0], node.range[1]);
      return target.kind === 'function' ? text(target.node) : `${text(target.receiver)}.${target.name}`;
    });

  it('follows a comparator passed by name', () => {
    assert.deepEqual(calleeText('const cmp = (a, b) => a.localeCompare(b); probe(cmp);'), ['(a, b) => a.localeCompare(b)']);
  });

  it('sees through promisify and bind to the method', () => {
    assert.deepEqual(calleeText("const presign = promisify(s3.getSignedUrl).bind(s3); probe(presign);"), ['s3.getSignedUrl']);
    assert.deepEqual(calleeText("const presign = util.promisify(s3.getSignedUrl.bind(s3)); probe(presign);"), ['s3.getSignedUrl']);
  });

  it('finds a method of this class', () => {
    assert.deepEqual(calleeText('class C { m() { return 1; } run() { probe(this.m); } }'), ['() { return 1; }']);
  });
});

describe('constructionOf', () => {
  const made = (code: string): string[] =>
    probed(code, (tracker, argument) => {
      const construction = tracker.constructionOf(argument);
      return construction ? code.slice(construction.range[0], construction.range[1]) : 'none';
    });

  it('follows factories, awaits and this fields', () => {
    assert.deepEqual(made('const getS3 = () => new S3(opts); probe(getS3());'), ['new S3(opts)']);
    assert.deepEqual(made('async function client() { return new S3(); } async function f() { probe(await client()); }'), ['new S3()']);
    assert.deepEqual(made('class M { constructor() { this.s3 = new S3(); } link() { probe(this.s3); } }'), ['new S3()']);
    assert.deepEqual(made('class M { init() { this.s3 = new S3({ a: 1 }); } link() { probe(this.s3); } }'), ['new S3({ a: 1 })']);
  });

  it('gives none when writes disagree', () => {
    assert.deepEqual(made('let c = new A(); if (x) c = new B(); probe(c);'), ['none']);
  });
});
