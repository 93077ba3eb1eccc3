import type { ApolloServerPlugin } from '@apollo/server';
import { createComplexityRule } from '@pothos/plugin-complexity';
import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Kind,
  visit,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';

/** Limits on what one untrusted operation may ask for. */
export interface QueryLimits {
  /** Sum of field costs, list fields multiplied by their expected size. */
  maxComplexity: number;
  maxDepth: number;
  /** Fields selected in the whole operation. */
  maxBreadth: number;
  /** Aliased fields: aliases are how one request multiplies an expensive field. */
  maxAliases: number;
}

export const defaultQueryLimits: QueryLimits = {
  maxComplexity: 200_000,
  maxDepth: 12,
  maxBreadth: 600,
  maxAliases: 30,
};

function countAliases(document: DocumentNode): number {
  let aliases = 0;
  visit(document, {
    [Kind.FIELD](node) {
      if (node.alias) aliases++;
    },
  });
  return aliases;
}

function rejected(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

/**
 * Checks depth, breadth, complexity and aliases once the operation is known and before any
 * resolver runs, so that an operation over a limit gets a 400 that names the limit.
 */
export function queryLimitsPlugin(
  schema: GraphQLSchema,
  limits: QueryLimits = defaultQueryLimits,
): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, operationName, contextValue }) {
          const aliases = countAliases(document);
          if (aliases > limits.maxAliases) {
            throw rejected(
              `operation uses ${aliases} aliases, more than the limit of ${limits.maxAliases}`,
              'QUERY_TOO_MANY_ALIASES',
            );
          }
          // Variables that do not fit their types are the executor's to refuse (BAD_USER_INPUT,
          // naming the variable) before any resolver runs; the cost cannot be computed without
          // them, and they are not a sign of an operation too complex.
          const operation = getOperationAST(document, operationName ?? undefined);
          const variables = getVariableValues(
            schema,
            operation?.variableDefinitions ?? [],
            request.variables ?? {},
          );
          if (variables.errors) return;
          const errors = validate(schema, document, [
            createComplexityRule({
              variableValues: variables.coerced,
              operationName: operationName ?? undefined,
              context: contextValue as object,
              maxComplexity: limits.maxComplexity,
              maxDepth: limits.maxDepth,
              maxBreadth: limits.maxBreadth,
            }),
          ]);
          if (errors.length > 0) {
            throw rejected(errors.map((e) => e.message).join('; '), 'QUERY_TOO_COMPLEX');
          }
        },
      };
    },
  };
}
