// Finds the dependencies of one package.json that may sign AWS requests with SigV2/SigV3: text in,
// findings out, shared by the rule `no-legacy-signing-dependency` (ESLint's JSON AST) and the CLI.
import semver from 'semver';
import { LEGACY_SIGNING_DEPENDENCIES, type LegacySigningDependency } from './legacy-signing-dependencies';

export const DEPENDENCY_SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;
export type DependencySection = (typeof DEPENDENCY_SECTIONS)[number];

/** The npm flag that writes an install into the same section it was declared in. */
const INSTALL_FLAGS: Record<DependencySection, string> = {
  dependencies: '',
  devDependencies: ' --save-dev',
  optionalDependencies: ' --save-optional',
  peerDependencies: ' --save-peer',
};

/** The rule's messages, also used to word the CLI's findings, so both say the same thing. */
export const DEPENDENCY_MESSAGES = {
  upgrade: '`{{declared}}` allows {{name}} releases that sign with {{signs}}; {{fixedVersion}} signs with SigV4: `{{install}}`.',
  replace: '`{{declared}}`: {{name}} signs with {{signs}} in {{releases}}; replace it with {{replacement}}: `{{install}}`.',
  useFixedRange: 'Declare {{fixedRange}}.',
} as const;

export type DependencyMessageId = Exclude<keyof typeof DEPENDENCY_MESSAGES, 'useFixedRange'>;

/** 1-based line and column, 0-based offset, as ESLint's JSON language reports them. */
export interface JsonPosition {
  line: number;
  column: number;
  offset: number;
}

/** The parts of @eslint/json's (momoa) nodes this file reads. */
export interface JsonNode {
  type: string;
  loc: { start: JsonPosition; end: JsonPosition };
  value?: unknown;
  body?: JsonNode;
  members?: readonly { name: JsonNode; value: JsonNode }[];
}

export interface LegacySigningDependencyFinding {
  section: DependencySection;
  /** The key in the section (an alias name for `npm:` aliases). */
  dependency: string;
  /** The version string as written. */
  declared: string;
  /** The package the declaration installs (the alias target for `npm:` aliases). */
  packageName: string;
  entry: LegacySigningDependency;
  messageId: DependencyMessageId;
  data: Record<string, string>;
  /** The message with its data filled in: what the CLI prints and ESLint reports. */
  message: string;
  /** The version string to write instead, where the source says the upgrade keeps the API. */
  fixedDeclaration?: string;
  /** The version string's node, quotes included. */
  node: JsonNode;
  /** Where the version string is (1-based, end exclusive), for reports that do not read nodes. */
  location: { line: number; column: number; endLine: number; endColumn: number };
}

/** What a version string says about the release it installs. */
type DeclaredRelease =
  | { kind: 'range'; packageName: string; range: string }
  /** A git, tarball or path source, or a dist-tag: any release could be behind it. */
  | { kind: 'unknown'; packageName: string }
  /** The project's own workspace package that merely shares the name. */
  | { kind: 'local' };

type PublishedRelease = Exclude<DeclaredRelease, { kind: 'local' }>;

const GIT_OR_URL_SOURCE = /^(?:git\+|git:|github:|gitlab:|bitbucket:|gist:|https?:|file:|link:|[\w.-]+\/[\w.-]+(?:#|$))/;

/** `git+https://…#semver:^1.0.0` and `…#v1.2.3` name their release; other sources do not. */
function readSourceRelease(packageName: string, spec: string): DeclaredRelease {
  const committish = spec.includes('#') ? spec.slice(spec.lastIndexOf('#') + 1) : '';
  const range = committish.startsWith('semver:') ? semver.validRange(committish.slice('semver:'.length)) : semver.valid(semver.clean(committish));
  return range ? { kind: 'range', packageName, range } : { kind: 'unknown', packageName };
}

export function readDeclaredRelease(dependency: string, spec: string): DeclaredRelease {
  const declared = spec.trim();
  if (declared.startsWith('npm:')) {
    const target = declared.slice('npm:'.length);
    const versionAt = target.indexOf('@', 1);
    if (versionAt === -1) return { kind: 'range', packageName: target, range: '*' };
    return readDeclaredRelease(target.slice(0, versionAt), target.slice(versionAt + 1));
  }
  if (declared.startsWith('workspace:')) return { kind: 'local' };
  const range = semver.validRange(declared, { loose: true });
  if (range) return { kind: 'range', packageName: dependency, range };
  if (GIT_OR_URL_SOURCE.test(declared)) return readSourceRelease(dependency, declared);
  return { kind: 'unknown', packageName: dependency };
}

/** A declaration is affected when some release it accepts signs the old way; an unknown release
 * counts only when every release of the package does. */
function isAffected(release: PublishedRelease, entry: LegacySigningDependency): boolean {
  if (release.kind === 'unknown') return semver.subset('*', entry.affected);
  return semver.intersects(release.range, entry.affected, { loose: true });
}

const ENTRIES_BY_NAME = new Map(LEGACY_SIGNING_DEPENDENCIES.map((entry) => [entry.name, entry]));

/** The full version string that installs `version` of the same package, alias kept. */
function fixedDeclarationFor(declared: string, packageName: string, version: string): string {
  return declared.trim().startsWith('npm:') ? `npm:${packageName}@^${version}` : `^${version}`;
}

function fillMessage(template: string, data: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => data[key] ?? '');
}

interface Declaration {
  section: DependencySection;
  dependency: string;
  declared: string;
  node: JsonNode;
}

function describeFinding(declaration: Declaration, release: PublishedRelease, entry: LegacySigningDependency) {
  const { section, dependency, declared } = declaration;
  const flag = INSTALL_FLAGS[section];
  const isAlias = release.packageName !== dependency;
  if (entry.fix.kind === 'upgrade') {
    const fixedDeclaration = fixedDeclarationFor(declared, release.packageName, entry.fix.version);
    const target = isAlias ? `${dependency}@${fixedDeclaration}` : `${dependency}@^${entry.fix.version}`;
    const data = { declared: `${dependency}@${declared}`, name: release.packageName, signs: entry.signs, fixedVersion: entry.fix.version, install: `npm install${flag} ${target}` };
    // A registry range only: a git or file source is replaced by a version on purpose or not at all.
    const suggestible = entry.fix.apiCompatible && release.kind === 'range' && !GIT_OR_URL_SOURCE.test(declared.trim());
    return { messageId: 'upgrade' as const, data, fixedDeclaration: suggestible ? fixedDeclaration : undefined };
  }
  const replacement = entry.fix.note ?? entry.fix.packages.join(' and ');
  const releases = entry.affected === '*' ? 'every release' : `releases ${entry.affected}`;
  const data = { declared: `${dependency}@${declared}`, name: release.packageName, signs: entry.signs, releases, replacement, install: `npm install${flag} ${entry.fix.packages.join(' ')}` };
  return { messageId: 'replace' as const, data, fixedDeclaration: undefined };
}

/** The finding for one declared dependency, or undefined when it cannot sign the old way. */
export function checkDependency(declaration: Declaration): LegacySigningDependencyFinding | undefined {
  const release = readDeclaredRelease(declaration.dependency, declaration.declared);
  if (release.kind === 'local') return undefined;
  const entry = ENTRIES_BY_NAME.get(release.packageName);
  if (!entry || !isAffected(release, entry)) return undefined;
  const { messageId, data, fixedDeclaration } = describeFinding(declaration, release, entry);
  const finding: LegacySigningDependencyFinding = {
    ...declaration,
    packageName: release.packageName,
    entry,
    messageId,
    data,
    message: fillMessage(DEPENDENCY_MESSAGES[messageId], data),
    node: declaration.node,
    location: {
      line: declaration.node.loc.start.line,
      column: declaration.node.loc.start.column,
      endLine: declaration.node.loc.end.line,
      endColumn: declaration.node.loc.end.column,
    },
  };
  if (fixedDeclaration !== undefined) finding.fixedDeclaration = fixedDeclaration;
  return finding;
}

function isDependencySection(name: unknown): name is DependencySection {
  return typeof name === 'string' && (DEPENDENCY_SECTIONS as readonly string[]).includes(name);
}

/** Every `"name": "version"` pair of the dependency sections of a parsed package.json. */
export function listDeclarations(document: JsonNode): Declaration[] {
  const root = document.body;
  if (root?.type !== 'Object') return [];
  return (root.members ?? []).flatMap((member) => {
    const section = member.name.value;
    if (!isDependencySection(section) || member.value.type !== 'Object') return [];
    return (member.value.members ?? []).flatMap(({ name, value }) =>
      typeof name.value === 'string' && value.type === 'String' && typeof value.value === 'string'
        ? [{ section, dependency: name.value, declared: value.value, node: value }]
        : [],
    );
  });
}

/** The findings of a parsed package.json (ESLint's JSON AST, a `Document` node). */
export function findLegacySigningDependenciesInDocument(document: JsonNode): LegacySigningDependencyFinding[] {
  return listDeclarations(document).flatMap((declaration) => checkDependency(declaration) ?? []);
}
