import type { GraphQLFormattedError } from 'graphql';

/**
 * Why a download was refused, with the HTTP status and a code in the style of the GraphQL
 * errors' `extensions.code`, so that a client reads both kinds of failure the same way.
 */
export class ExportError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The operation's own errors, as GraphQL formatted them, when it failed. */
    readonly graphqlErrors: readonly GraphQLFormattedError[] = [],
  ) {
    super(message);
    this.name = 'ExportError';
  }

  /** The response body: `{"errors":[…]}` as from `/graphql`. */
  toJSON(): { errors: readonly GraphQLFormattedError[] } {
    return {
      errors:
        this.graphqlErrors.length > 0
          ? this.graphqlErrors
          : [{ message: this.message, extensions: { code: this.code } }],
    };
  }
}
