// PLACEHOLDER: replaced by the codemod for sigv4/presigned-put-content-type.
import type { Codemod } from './types';

const codemod: Codemod = ({ finding }) => ({ kind: 'manual', todo: finding.message });

export default codemod;
