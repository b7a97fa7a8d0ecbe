// PLACEHOLDER: replaced by the codemod for sigv4/require-sigv4-presign.
import type { Codemod } from './types';

const codemod: Codemod = ({ finding }) => ({ kind: 'manual', todo: finding.message });

export default codemod;
