// Proves the value layer's `resolve` on its own: constants, branches, concatenation, joins, function
// returns, parameters, `this` fields, and the cases it must call unknown (shadowing, later writes,
// recursion, cycles, calls out of the file).
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { patterns } from './support';

const one = (code: string): string[] => {
  const [first] = patterns(code);
  assert.ok(first, 'the snippet has a probe');
  return first;
};

describe('resolve', () => {
  it('folds literals, constant expressions and TypeScript wrappers', () => {
    assert.deepEqual(one('probe(8 * 24 * 3600);'), ['691200']);
    assert.deepEqual(one("const V = '2' as const; probe(V!);"), ['2']);
    assert.deepEqual(one("const V = { v: 2 } satisfies object; probe(V.v);"), ['2']);
  });

  it('follows const chains and object and array properties', () => {
    assert.deepEqual(one("const A = 'Sig'; const B = A + 'natureVersion'; probe(B);"), ['SignatureVersion']);
    assert.deepEqual(one("const cfg = { q: { v: '2' } }; probe(cfg.q.v);"), ['2']);
    assert.deepEqual(one("const list = ['a', 'b']; probe(list[1]);"), ['b']);
    assert.deepEqual(one("const { version } = { version: 2 }; probe(version);"), ['2']);
  });

  it("keeps a default a caller's options may override, through Object.freeze and destructuring", () => {
    const transport = (read: string): string =>
      `const D = Object.freeze({ scheme: 'AWS3' }); class T { constructor(o = {}) { this.options = { ...D, ...o }; } h() { ${read} } }`;
    assert.deepEqual(one(transport('probe(this.options.scheme);')), ['?', 'AWS3']);
    assert.deepEqual(one(transport('const { scheme } = this.options; probe(scheme);')), ['?', 'AWS3']);
    // Not when something other than a caller (a computed key) may have replaced it, nor when the caller comes first.
    assert.deepEqual(one("function f(o) { const x = { scheme: 'AWS3', [k]: 1, ...o }; probe(x.scheme); }"), ['?']);
    assert.deepEqual(one("function f(o) { const x = { ...o, scheme: 'AWS3' }; probe(x.scheme); }"), ['AWS3']);
  });

  it('keeps every branch of ||, ?? and ?:', () => {
    assert.deepEqual(one('probe(parseInt(process.env.EXPIRES) || 2592000);'), ['?', '2592000']);
    assert.deepEqual(one("probe(flag ? 'v2' : 'v4');"), ['v2', 'v4']);
    assert.deepEqual(one("probe(undefined ?? 'x');"), ['x']);
  });

  it('concatenates templates, + and [...].join(sep)', () => {
    assert.deepEqual(one("const SV = 2; probe('&Version=' + SV);"), ['&Version=2']);
    assert.deepEqual(one("probe(['AWS ', key, ':', sig].join(''));"), ['AWS ?:?']);
    assert.deepEqual(one('const v = 2; probe(`a=${v}&b=${x}`);'), ['a=2&b=?']);
  });

  it('reads what functions and methods return', () => {
    assert.deepEqual(one('function signatureVersion() { return 2; } probe(signatureVersion());'), ['2']);
    assert.deepEqual(
      one("class C { signatureMethod() { return 'HmacSHA256'; } run() { probe(this.signatureMethod()); } }"),
      ['HmacSHA256'],
    );
    assert.deepEqual(
      one("function Client() {} Client.prototype.signatureVersion = function () { return '2'; };\nClient.prototype.go = function () { var self = this; probe(self.signatureVersion()); };"),
      ['2'],
    );
  });

  it('gives a parameter the arguments of every call in the file', () => {
    assert.deepEqual(one("function sign(v) { probe(v); } sign('2'); sign('4');"), ['2', '4']);
    assert.deepEqual(one("export function sign(v) { probe(v); } sign('2');"), ['2', '?']);
    assert.deepEqual(one("function sign(v = 'x') { probe(v); } sign();"), ['x']);
  });

  it('gives this.x every value the class writes', () => {
    assert.deepEqual(
      one("class C { constructor() { this.v = '2'; } reset() { this.v = '4'; } run() { probe(this.v); } }"),
      ['2', '4'],
    );
    assert.deepEqual(one("const o = { v: 'a', run() { probe(this.v); } };"), ['a']);
  });

  it('is unknown when it cannot be sure', () => {
    assert.deepEqual(one("const v = '2'; function f(v) { probe(v); } f(x);"), ['?'], 'a shadowing parameter');
    assert.deepEqual(one("let v = '2'; probe(v); v = '4';"), ['?'], 'a write after the use');
    assert.deepEqual(one("import { v } from './v'; probe(v);"), ['?'], 'an import');
    assert.deepEqual(one('probe(remote.call());'), ['?'], 'a call out of the file');
    assert.deepEqual(one('function f(n) { return f(n - 1); } probe(f(3));'), ['?'], 'recursion');
    assert.deepEqual(one('var a = b; var b = a; probe(a);'), ['?'], 'a cycle');
  });

  it('answers unknown, within the stack, on chains of questions across entry points (objects, callees, objects…)', () => {
    // Each object is filled from a method of the next one: objectAt → callee → objectAt …, 3000 deep; a declared object is never read by eslint-utils, which ignores its mutations.
    const chain = Array.from({ length: 3000 }, (_, i) => `var o${i} = {}; Object.assign(o${i}, o${i + 1}.f());`).join('\n');
    assert.deepEqual(one(`${chain}\nprobe(o0.k);`), ['?']);
  });

  it('keeps reassignments before the use as alternatives and appends +=', () => {
    assert.deepEqual(one("let v = 'a'; if (x) v = 'b'; probe(v);"), ['a', 'b']);
    assert.deepEqual(one("let s = 'GET\\n'; s += path; s += '\\n'; probe(s);"), ['GET\n?\n']);
  });
});
