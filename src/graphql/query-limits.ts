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
  type FragmentDefinitionNode,
  type GraphQLSchema,
} from 'graphql';
import type { CorpusStatistics } from '../analytics/corpus-statistics.js';
import type { GraphQLContext } from './context.js';
import { isHeavy } from './heavy-work.js';
import type { Admission, HeavyWorkQueue } from './heavy-work-queue.js';
import { estimateCost, type QueryCost } from './query-cost.js';
import { NARROWING_ADVICE } from './request-budget.js';

/** Limits on what one untrusted operation may ask for. */
export interface QueryLimits {
  /**
   * Objects and list items the answer is estimated to hold (query-cost.ts: list fields sized
   * from `first` and from the corpus statistics), checked before anything runs.
   */
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

/** What the plugin needs beyond the limits: the corpus as it is now, and the heavy-work queue. */
export interface QueryLimitsOptions {
  /** The current corpus statistics (they change when the data is refreshed). */
  statistics: () => CorpusStatistics;
  /** Heavy operations wait here for their turn; without it they run at once. */
  heavyWork?: HeavyWorkQueue;
}

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

const thousands = (n: number) => Math.round(n).toLocaleString('en-US');

/** The refusal of an operation estimated over the limit: the estimate, its largest parts, and how to stay under. */
function tooCostly(cost: QueryCost, limit: number): GraphQLError {
  const byField = new Map<string, { selections: number; objects: number }>();
  for (const root of cost.roots) {
    const part = byField.get(root.field) ?? { selections: 0, objects: 0 };
    part.selections++;
    part.objects += root.objects;
    byField.set(root.field, part);
  }
  const largest = [...byField]
    .sort((a, b) => b[1].objects - a[1].objects)
    .slice(0, 3)
    .map(
      ([field, part]) =>
        `${field}${part.selections > 1 ? ` ×${part.selections}` : ''} about ${thousands(part.objects)}`,
    );
  return rejected(
    `estimated complexity of ${thousands(cost.objects)} objects and list items is over the limit of ${thousands(limit)} (JIXIAO_MAX_COMPLEXITY), estimated from the corpus before running; largest: ${largest.join(', ')}; to stay under it, ${NARROWING_ADVICE}`,
    'QUERY_TOO_COMPLEX',
  );
}

/**
 * Checks an operation once it is known and before any resolver runs, so that an operation over
 * a limit gets a 400 that names the limit: aliases, depth and breadth, then its estimated cost
 * (query-cost.ts). It then classifies the operation (heavy-work.ts) and makes heavy work wait
 * for its turn in the bounded queue (full: 503 SERVER_BUSY with Retry-After). When the answer
 * goes out, the turn is given back, and an answer stopped by the request budget (deadline,
 * answer cap) becomes that one error.
 */
export function queryLimitsPlugin(
  schema: GraphQLSchema,
  limits: QueryLimits,
  options: QueryLimitsOptions,
): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      let admission: Admission | undefined;
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
          if (!operation) return;
          const variables = getVariableValues(
            schema,
            operation.variableDefinitions ?? [],
            request.variables ?? {},
          );
          if (variables.errors) return;
          const errors = validate(schema, document, [
            createComplexityRule({
              variableValues: variables.coerced,
              operationName: operationName ?? undefined,
              context: contextValue,
              maxDepth: limits.maxDepth,
              maxBreadth: limits.maxBreadth,
            }),
          ]);
          if (errors.length > 0) {
            throw rejected(errors.map((e) => e.message).join('; '), 'QUERY_TOO_COMPLEX');
          }
          const fragments = document.definitions.filter(
            (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
          );
          const cost = estimateCost(
            schema,
            operation,
            fragments,
            variables.coerced,
            options.statistics(),
          );
          if (cost.objects > limits.maxComplexity) throw tooCostly(cost, limits.maxComplexity);
          if (!isHeavy(cost)) return;
          const budget = contextValue.budget;
          budget.heavy = true;
          if (!options.heavyWork) return;
          admission = options.heavyWork.admit(budget.signal);
          await admission.ready;
        },
        async willSendResponse({ response, contextValue }) {
          admission?.release();
          const stopped = contextValue.budget.stoppedWith;
          if (!stopped || response.body.kind !== 'single') return;
          // A stopped answer is cut somewhere: say why once, and send no partial data.
          response.body.singleResult = {
            data: null,
            errors: [{ message: stopped.message, extensions: { code: stopped.code } }],
          };
          response.http.status = stopped.status;
        },
      };
    },
  };
}
