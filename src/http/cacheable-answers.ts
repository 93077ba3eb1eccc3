import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../graphql/context.js';
import type { RequestBudget } from '../graphql/request-budget.js';

/** Tells, after execution, whether a request's answer may be served again from the cache. */
export interface CacheableAnswers {
  plugin: ApolloServerPlugin<GraphQLContext>;
  /** Whether the request run with this context ended in a cacheable answer. */
  has(context: GraphQLContext): boolean;
}

/**
 * Marks the answers the response cache may keep: a query (never a mutation) answered in full,
 * with no error. An answer with an error is not kept: a deadline, a busy queue or a cost refusal
 * say something about that moment, not about the data.
 */
export function cacheableAnswers(): CacheableAnswers {
  // Apollo runs an operation on a shallow copy of the context it was given: the request's
  // budget, one object per request shared by the copy, is what identifies the request.
  const cacheable = new WeakSet<RequestBudget>();
  return {
    plugin: {
      async requestDidStart() {
        return {
          async willSendResponse({ response, operation, contextValue }) {
            if (
              operation?.operation === 'query' &&
              response.body.kind === 'single' &&
              !response.body.singleResult.errors?.length
            )
              cacheable.add(contextValue.budget);
          },
        };
      },
    },
    has: (context) => cacheable.has(context.budget),
  };
}
