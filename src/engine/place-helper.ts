// The engine's helper-placement stage: which helper file(s) the rewritten files import, where they
// go, and the specifier each file writes. A file already there is reused only when it is a helper
// sigv4-migrate vendored (its header line says so); anything else keeps its name and the helper
// takes another (`sigv4-helper.ts`, …). One helper serves the project where its tsconfig allows it:
// JavaScript files import the TypeScript helper when `allowJs` and the resolution accept that.
import { join } from 'node:path';
import {
  detectRelativeExtension,
  helperFileName,
  helperFlavorFor,
  isVendoredHelper,
  sharesTypeScriptHelper,
  javascriptHelperExtension,
  relativeExtensionFromCompilerOptions,
  relativeHelperSpecifier,
  shallowestDirectory,
} from '../../codemods/utils/helper-vendor';
import type { HelperFlavor, TsCompilerHints } from '../../codemods/utils/helper-vendor';
import type { ModuleStyle } from '../../codemods/utils/module-style';

export interface HelperPlacementOptions {
  /** `--helper-import`: every file imports this package specifier and nothing is vendored. */
  packageSpecifier?: string;
  /** `--helper-out` (absolute): the folder the helper goes to; default beside the shallowest user. */
  directory?: string;
  /** The nearest tsconfig's compiler options of a file, when it has one. */
  compilerHintsOf?: (path: string) => TsCompilerHints | undefined;
  /** The text of a file already on disk, undefined when there is none. */
  existingText: (path: string) => string | undefined;
}

/** A file that needs the helper, and the module style it imports it in. */
export interface HelperUser {
  path: string;
  style: ModuleStyle;
}

/** A helper file the run places: `exists` when a vendored copy is already there. */
export interface PlacedHelper {
  flavor: HelperFlavor;
  path: string;
  exists: boolean;
}

/** Every extension a module named `base` may be imported through, so a new helper shadows none of them. */
const SIBLING_EXTENSIONS = ['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs', 'd.ts'];

/** Base names tried in order; the last resort numbers them. */
function* baseNames(): Generator<string> {
  yield 'sigv4';
  yield 'sigv4-helper';
  for (let index = 2; ; index += 1) yield `sigv4-helper-${index}`;
}

/** The first base name under which every file that exists is one of our helpers. */
function freeHelperPath(directory: string, flavor: HelperFlavor, existingText: HelperPlacementOptions['existingText']): PlacedHelper {
  for (const base of baseNames()) {
    const texts = SIBLING_EXTENSIONS.map((extension) => existingText(join(directory, `${base}.${extension}`)));
    if (texts.every((text) => text === undefined || isVendoredHelper(text))) {
      const path = join(directory, helperFileName(flavor, base));
      return { flavor, path, exists: existingText(path) !== undefined };
    }
  }
  throw new Error('unreachable: baseNames never ends');
}

export function createHelperPlacement(users: readonly HelperUser[], options: HelperPlacementOptions) {
  const directory = options.packageSpecifier || users.length === 0
    ? undefined
    : options.directory ?? shallowestDirectory(users.map((user) => user.path));
  const placements = new Map<HelperFlavor, PlacedHelper>();

  function placementOf(flavor: HelperFlavor, inDirectory: string): PlacedHelper {
    let placed = placements.get(flavor);
    if (!placed) {
      placed = freeHelperPath(inDirectory, flavor, options.existingText);
      placements.set(flavor, placed);
    }
    return placed;
  }

  /**
   * The helper flavour a file imports: its own module system's, or the TypeScript helper for a
   * JavaScript file under the same tsconfig as a TypeScript user when that tsconfig lets it import it.
   */
  function flavorFor(path: string, style: ModuleStyle): HelperFlavor {
    const own = helperFlavorFor(path, style);
    if (own === 'ts' || !options.compilerHintsOf) return own;
    const hints = options.compilerHintsOf(path);
    const sameProject = users.some((user) => helperFlavorFor(user.path, user.style) === 'ts' && options.compilerHintsOf?.(user.path) === hints);
    return sameProject && sharesTypeScriptHelper(path, style, hints) ? 'ts' : own;
  }

  /** The specifier `path` (whose text is `text`) imports the helper by. */
  function specifierFor(path: string, text: string): string {
    if (options.packageSpecifier || !directory) return options.packageSpecifier ?? 'sigv4-migrate/sigv4';
    const style = users.find((user) => user.path === path)?.style ?? 'esm';
    const flavor = flavorFor(path, style);
    const helperPath = placementOf(flavor, directory).path;
    const extension = flavor === 'ts'
      ? detectRelativeExtension(text) ?? relativeExtensionFromCompilerOptions(options.compilerHintsOf?.(path))
      : javascriptHelperExtension(flavor);
    return relativeHelperSpecifier(path, helperPath, extension);
  }

  /** The helpers the specifiers handed out so far point at. */
  function placed(): PlacedHelper[] {
    return [...placements.values()];
  }

  return { specifierFor, flavorFor, placed };
}
