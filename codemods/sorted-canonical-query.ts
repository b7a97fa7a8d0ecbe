// PLACEHOLDER: replaced by the codemod for sigv4/sorted-canonical-query.
import type { Codemod } from './types';

const codemod: Codemod = ({ finding }) => ({ kind: 'manual', todo: finding.message });

export default codemod;
