// Files with no module system (issue 9 §3): a browser script with globals, an IIFE, or a UMD/AMD
// wrapper gets no inserted `import`/`require` (one would break it where it runs). A fix that needs
// the helper there is listed as manual work with the recipe instead.
import type { SourceFile } from 'ts-morph';
import type { HelperExport } from '../../codemods/types';
import { detectModuleStyle } from '../../codemods/utils/module-style';
import type { ModuleStyle } from '../../codemods/utils/module-style';

/** `typeof define`, `typeof module`, `define(…)`: code written to run with or without a module system. */
const UNIVERSAL_WRAPPER = /\btypeof\s+(?:define|module|exports)\b|\bdefine\s*\(\s*(?:\[|function\b)|\bdefine\.amd\b/;

/**
 * A UMD/AMD wrapper, or a plain `.js`/`.jsx` file with no import, export or require of its own
 * outside a `"type": "module"` package (where Node would load it as ESM).
 */
export function isBrowserScript(sourceFile: SourceFile, packageStyle: ModuleStyle): boolean {
  if (!/\.jsx?$/.test(sourceFile.getFilePath())) return false;
  if (UNIVERSAL_WRAPPER.test(sourceFile.getFullText())) return true;
  // Without syntax of either kind the style falls back to the given value: both fallbacks agreeing means the syntax decided.
  const decided = detectModuleStyle(sourceFile, 'esm') === detectModuleStyle(sourceFile, 'cjs');
  return !decided && packageStyle === 'cjs';
}

/** Thrown by the helper import of a browser script: the codemod's fix cannot be written there. */
export class BrowserScriptError extends Error {
  constructor(readonly helperExport: HelperExport) {
    super('no module system to import the helper with');
  }
}

export function browserScriptTodo(message: string, helperExport: HelperExport): string {
  return (
    `${message} This file has no import, require or export of its own (a browser script, or a UMD/AMD wrapper), so it was left as it is: ` +
    `make the SigV4 helper available to it (bundle \`sigv4-migrate/sigv4\`, or load the vendored sigv4.mjs with <script type="module">) ` +
    `and sign here with its \`${helperExport}()\`.`
  );
}
