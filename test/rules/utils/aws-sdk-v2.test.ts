// Unit tests for the aws-sdk v2 matchers the rules share: what each import style resolves to, which
// writes count as global config, how options are read, and how endpoints are classified.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import * as espree from 'espree';
import {
  type AwsSdkV2Value,
  classifyEndpoint,
  findAwsSdkV2Option,
  matchAwsSdkV2ClientConstruction,
  matchAwsSdkV2ConfigConstruction,
  matchAwsSdkV2GlobalConfigAssignment,
  matchAwsSdkV2GlobalConfigUpdate,
  resolveAwsSdkV2Value,
} from '../../../rules/utils/aws-sdk-v2';
import type { ScopeOf } from '../../../rules/utils/const-binding';

type Probe<T> = (node: TSESTree.Node, scopeOf: ScopeOf) => T;

/** Lints `code` with a one-off rule that runs `probe` on every node matching `selector`, in source order. */
function probeAll<T>(code: string, selector: string, probe: Probe<T>, parser: 'typescript' | 'espree' = 'typescript'): T[] {
  const results: T[] = [];
  const rule = {
    create(context: { sourceCode: { getScope(node: unknown): unknown } }) {
      const scopeOf = ((node) => context.sourceCode.getScope(node)) as ScopeOf;
      return { [selector]: (node: TSESTree.Node) => results.push(probe(node, scopeOf)) };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(code, [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: (parser === 'typescript' ? tsParser : espree) as Linter.Parser, sourceType: 'module' },
      // A throwaway probe rule: ESLint's RuleModule type does not matter here.
      plugins: { probe: { rules: { probe: rule as unknown as NonNullable<NonNullable<Linter.Config['plugins']>[string]['rules']>[string] } } },
      rules: { 'probe/probe': 'error' },
    },
  ], 'file.ts');
  assert.deepEqual(messages.filter((message) => message.fatal), []);
  return results;
}

/** What the callee of the file's only `new` expression resolves to. */
function newCallee(code: string, parser: 'typescript' | 'espree' = 'typescript'): AwsSdkV2Value | undefined {
  const [value] = probeAll(code, 'NewExpression', (node, scopeOf) => resolveAwsSdkV2Value((node as TSESTree.NewExpression).callee, scopeOf), parser);
  return value;
}

const S3_CLASS: AwsSdkV2Value = { kind: 'clientClass', serviceId: 's3' };

describe('resolveAwsSdkV2Value', () => {
  const s3ClassSources: Record<string, string> = {
    'default import': "import AWS from 'aws-sdk'; new AWS.S3();",
    'namespace import': "import * as AWS from 'aws-sdk'; new AWS.S3();",
    'named import': "import { S3 } from 'aws-sdk'; new S3();",
    'aliased named import': "import { S3 as Store } from 'aws-sdk'; new Store();",
    'client module default import': "import S3 from 'aws-sdk/clients/s3'; new S3();",
    'client module namespace import': "import * as S3 from 'aws-sdk/clients/s3'; new S3();",
    'client module with .js': "import S3 from 'aws-sdk/clients/s3.js'; new S3();",
    require: "const AWS = require('aws-sdk'); new AWS.S3();",
    'require of a client module': "const S3 = require('aws-sdk/clients/s3'); new S3();",
    'destructured require': "const { S3 } = require('aws-sdk'); new S3();",
    'aliased destructured require': "const { S3: Store } = require('aws-sdk'); new Store();",
    'member of require': "const S3 = require('aws-sdk').S3; new S3();",
    'import-equals': "import AWS = require('aws-sdk'); new AWS.S3();",
    'const alias of a member': "import AWS from 'aws-sdk'; const Client = AWS.S3; new Client();",
    'destructured from the namespace': "import AWS from 'aws-sdk'; const { S3 } = AWS; new S3();",
    'interop .default': "const AWS = require('aws-sdk').default; new AWS.S3();",
    'dynamic import': "const AWS = await import('aws-sdk'); new AWS.S3();",
    'browser global': 'new AWS.S3();',
  };
  for (const [style, code] of Object.entries(s3ClassSources)) {
    it(`finds the S3 client class through ${style}`, () => assert.deepEqual(newCallee(code), S3_CLASS));
  }

  it('works the same under espree', () => {
    assert.deepEqual(newCallee("const { S3: Store } = require('aws-sdk'); new Store();", 'espree'), S3_CLASS);
  });

  it('names other services by lower-case id', () => {
    assert.deepEqual(newCallee("import AWS from 'aws-sdk'; new AWS.DynamoDB();"), { kind: 'clientClass', serviceId: 'dynamodb' });
  });

  it('tells members of client classes apart from client classes', () => {
    assert.deepEqual(newCallee("import AWS from 'aws-sdk'; new AWS.CloudFront.Signer(id, key);"), {
      kind: 'clientMember',
      serviceId: 'cloudfront',
      path: ['Signer'],
    });
  });

  it('does not take Config, Endpoint or credential classes for clients', () => {
    assert.deepEqual(newCallee("import AWS from 'aws-sdk'; new AWS.Config();"), { kind: 'export', path: ['Config'] });
    assert.deepEqual(newCallee("import AWS from 'aws-sdk'; new AWS.Endpoint('x');"), { kind: 'export', path: ['Endpoint'] });
    assert.deepEqual(newCallee("import AWS from 'aws-sdk'; new AWS.SharedIniFileCredentials();"), {
      kind: 'export',
      path: ['SharedIniFileCredentials'],
    });
  });

  it('reads aws-sdk/global as the namespace', () => {
    assert.deepEqual(newCallee("import AWS from 'aws-sdk/global'; new AWS.Config();"), { kind: 'export', path: ['Config'] });
  });

  it('ignores other modules, local classes, shadowed AWS and reassigned variables', () => {
    assert.equal(newCallee("import { S3 } from '@aws-sdk/client-s3'; new S3();"), undefined);
    assert.equal(newCallee('class S3 {} new S3();'), undefined);
    assert.equal(newCallee("const AWS = makeFake(); new AWS.S3();"), undefined);
    assert.equal(newCallee("let AWS = require('aws-sdk'); AWS = other; new AWS.S3();"), undefined);
    assert.equal(newCallee("function require() {} const AWS = require('aws-sdk'); new AWS.S3();"), undefined);
  });
});

describe('client and config constructions', () => {
  it('returns the service and the options as written', () => {
    const [match] = probeAll("import AWS from 'aws-sdk'; new AWS.S3(options);", 'NewExpression', (node, scopeOf) =>
      matchAwsSdkV2ClientConstruction(node as TSESTree.NewExpression, scopeOf),
    );
    assert.equal(match?.serviceId, 's3');
    assert.equal((match?.options as TSESTree.Identifier | undefined)?.name, 'options');
  });

  it('filters by service id', () => {
    const matches = probeAll("import AWS from 'aws-sdk'; new AWS.SES(); new AWS.S3();", 'NewExpression', (node, scopeOf) =>
      matchAwsSdkV2ClientConstruction(node as TSESTree.NewExpression, scopeOf, 's3')?.serviceId,
    );
    assert.deepEqual(matches, [undefined, 's3']);
  });

  it('tells new AWS.Config() without options (null) from something else (undefined)', () => {
    const matches = probeAll("import AWS from 'aws-sdk'; new AWS.Config(); new AWS.Config({}); new AWS.S3();", 'NewExpression', (node, scopeOf) => {
      const options = matchAwsSdkV2ConfigConstruction(node as TSESTree.NewExpression, scopeOf);
      return options === null || options === undefined ? options : options.type;
    });
    assert.deepEqual(matches, [null, 'ObjectExpression', undefined]);
  });
});

describe('global config writes', () => {
  it('finds AWS.config.update through any import style', () => {
    const found = probeAll(
      "import { config } from 'aws-sdk'; const AWS = require('aws-sdk'); config.update({}); AWS.config.update({}); other.config.update({});",
      'CallExpression',
      (node, scopeOf) => matchAwsSdkV2GlobalConfigUpdate(node as TSESTree.CallExpression, scopeOf)?.kind,
    );
    assert.deepEqual(found.filter(Boolean), ['options', 'options']);
  });

  it('reads a replaced config and property assignments', () => {
    const writes = probeAll(
      "const AWS = require('aws-sdk'); AWS.config = new AWS.Config({ region: 'x' }); AWS.config.signatureVersion = 'v4'; AWS.config['region'] = r; other.config.region = r;",
      'AssignmentExpression',
      (node, scopeOf) => {
        const write = matchAwsSdkV2GlobalConfigAssignment(node as TSESTree.AssignmentExpression, scopeOf);
        if (!write) return undefined;
        return write.kind === 'property' ? `property ${write.name}` : `options ${write.options?.type}`;
      },
    );
    assert.deepEqual(writes, ['options ObjectExpression', 'property signatureVersion', 'property region', undefined]);
  });
});

describe('findAwsSdkV2Option', () => {
  const lookup = (code: string, name: string): string =>
    probeAll(code, 'NewExpression[callee.property.name="S3"]', (node, scopeOf) => {
      const result = findAwsSdkV2Option((node as TSESTree.NewExpression).arguments[0], name, scopeOf);
      return result.kind === 'found' ? `found ${result.value.type}` : result.kind;
    })[0] ?? 'no client';

  it('reads inline options, variables, spreads and new AWS.Config', () => {
    assert.equal(lookup("import AWS from 'aws-sdk'; new AWS.S3({ signatureVersion: 'v4' });", 'signatureVersion'), 'found Literal');
    assert.equal(lookup("import AWS from 'aws-sdk'; const o = { endpoint: e }; new AWS.S3(o);", 'endpoint'), 'found Identifier');
    assert.equal(lookup("import AWS from 'aws-sdk'; const b = { region: 'x' }; new AWS.S3({ ...b });", 'region'), 'found Literal');
    assert.equal(lookup("import AWS from 'aws-sdk'; new AWS.S3(new AWS.Config({ region: 'x' }));", 'region'), 'found Literal');
  });

  it('says absent only when every part is visible', () => {
    assert.equal(lookup("import AWS from 'aws-sdk'; new AWS.S3();", 'region'), 'absent');
    assert.equal(lookup("import AWS from 'aws-sdk'; new AWS.S3({ region: 'x' });", 'endpoint'), 'absent');
    assert.equal(lookup("import AWS from 'aws-sdk'; new AWS.S3({ ...imported });", 'endpoint'), 'unknown');
    assert.equal(lookup("import AWS from 'aws-sdk'; new AWS.S3({ [key]: 1 });", 'endpoint'), 'unknown');
    assert.equal(lookup("import AWS from 'aws-sdk'; new AWS.S3(settings.s3);", 'endpoint'), 'unknown');
  });

  it('lets a later key override a spread', () => {
    assert.equal(lookup("import AWS from 'aws-sdk'; new AWS.S3({ ...imported, region: 'x' });", 'region'), 'found Literal');
  });
});

describe('classifyEndpoint', () => {
  const classify = (endpoint: string, prelude = ''): string | undefined =>
    probeAll(`import AWS from 'aws-sdk'; ${prelude} new AWS.S3({ endpoint: ${endpoint} });`, 'Property[key.name="endpoint"]', (node, scopeOf) =>
      classifyEndpoint((node as TSESTree.Property).value, scopeOf),
    )[0];

  it('takes amazonaws.com hosts and the AWS endpoint env vars for AWS', () => {
    assert.equal(classify("'https://s3.eu-west-1.amazonaws.com'"), 'aws');
    assert.equal(classify("'s3.cn-north-1.amazonaws.com.cn'"), 'aws');
    assert.equal(classify('`https://s3.${region}.amazonaws.com`'), 'aws');
    assert.equal(classify('process.env.AWS_ENDPOINT_URL'), 'aws');
    assert.equal(classify("process.env['AWS_ENDPOINT_URL_S3']"), 'aws');
    assert.equal(classify("new AWS.Endpoint('s3.us-east-1.amazonaws.com')"), 'aws');
    assert.equal(classify('url', "const url = process.env.AWS_ENDPOINT_URL;"), 'aws');
    assert.equal(classify("process.env.AWS_ENDPOINT_URL || 'https://s3.amazonaws.com'"), 'aws');
  });

  it('takes other literal hosts for custom servers', () => {
    assert.equal(classify("'http://localhost:9000'"), 'custom');
    assert.equal(classify("'https://minio.internal'"), 'custom');
    assert.equal(classify("'https://s3.amazonaws.com.evil.example/'"), 'custom');
    assert.equal(classify("process.env.AWS_ENDPOINT_URL || 'http://127.0.0.1:4566'"), 'custom');
    assert.equal(classify('`http://minio:9000/${bucket}`'), 'custom');
  });

  it('leaves what only runtime knows unknown', () => {
    assert.equal(classify('process.env.S3_ENDPOINT'), 'unknown');
    assert.equal(classify('`https://${host}`'), 'unknown');
    assert.equal(classify('settings.endpoint'), 'unknown');
  });
});
