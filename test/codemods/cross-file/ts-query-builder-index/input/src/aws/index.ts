export { canonicalQuery } from './query';
