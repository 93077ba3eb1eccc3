import { GraphQLError } from 'graphql';

/**
 * A `first:` argument checked against its documented range: a value outside it is an error
 * naming the range, not silently clamped (a client asking for 100,000 rows should learn it gets
 * at most 10,000, not guess from the length of the answer).
 */
export function checkedFirst(first: number, max: number): number {
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw new GraphQLError(`first must be between 1 and ${max}, got ${first}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return first;
}
