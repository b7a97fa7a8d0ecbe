// Which files the engine plans even without a finding of their own: a file that presigns with a
// client it may import from another module of the run, signs a query another module builds, or
// PUTs to a URL another module presigns (issue 9 §2). A text check, so files that cannot qualify never load ts-morph.
import { mayPutAcrossFiles } from './put-across-files';
import { mayBuildQueryAcrossFiles } from './query-across-files';

/** An aws-sdk v2 presign call, and a relative import or require it may get its client from. */
const PRESIGN_CALL = /\.\s*getSignedUrl(?:Promise)?\s*\(/;
const RELATIVE_IMPORT = /(?:\bfrom\s*|\brequire\s*\(\s*)['"]\.\.?\//;

export function mayPresignAcrossFiles(text: string): boolean {
  return PRESIGN_CALL.test(text) && RELATIVE_IMPORT.test(text);
}

/** Whether the cross-file stage may find anything in the file. */
export function mayUseValuesAcrossFiles(text: string): boolean {
  return mayPresignAcrossFiles(text) || mayBuildQueryAcrossFiles(text) || mayPutAcrossFiles(text);
}
