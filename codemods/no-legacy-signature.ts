// PLACEHOLDER: replaced by the codemod for sigv4/no-legacy-signature.
import type { Codemod } from './types';

const codemod: Codemod = ({ finding }) => ({ kind: 'manual', todo: finding.message });

export default codemod;
