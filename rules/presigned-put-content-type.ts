// PLACEHOLDER: replaced by the rule's implementation.
import { createRule } from './utils/create-rule';

export default createRule({
  name: 'presigned-put-content-type',
  meta: {
    type: 'problem',
    docs: { description: 'placeholder', recommended: true },
    messages: { placeholder: 'placeholder' },
    schema: [],
  },
  defaultOptions: [],
  create() {
    return {};
  },
});
