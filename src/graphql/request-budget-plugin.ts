import SchemaBuilder, {
  BasePlugin,
  type PothosOutputFieldConfig,
  type PothosOutputFieldType,
  type SchemaTypes,
} from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import { RowLimitError } from '../db/duckdb-pool.js';
import { RequestBudget, ResponseTooLargeError } from './request-budget.js';

/** What a field's value adds to the count of objects: a list its items, an object itself. */
type Counted = 'items' | 'object' | 'nothing';

function countedAs(type: PothosOutputFieldType<SchemaTypes>): Counted {
  if (type.kind === 'List') return 'items';
  return type.kind === 'Object' || type.kind === 'Interface' || type.kind === 'Union'
    ? 'object'
    : 'nothing';
}

function sizeOf(value: unknown, counted: Counted): number {
  if (value == null) return 0;
  if (counted === 'items') return Array.isArray(value) ? value.length : 0;
  return 1;
}

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof (value as Promise<unknown> | null)?.then === 'function';
}

/** Counts a field's value, and paces the items of a list (request-budget.ts, `pace`). */
function counted<T>(budget: RequestBudget, value: T, counts: Counted): T | unknown[] {
  if (counts === 'nothing') return value;
  budget.count(sizeOf(value, counts));
  // graphql-js completes a list item that is a promise once it resolves.
  return counts === 'items' && Array.isArray(value)
    ? value.map((item: unknown) => budget.pace(item))
    : value;
}

/**
 * Puts every field under the request's budget (request-budget.ts): before resolving, the field
 * throws if the request is stopped or past its deadline, so execution stops expanding; after,
 * the objects and list items it returned are counted against the cap on the answer, and the
 * items of lists and the values of asynchronous fields are paced over turns of the event loop
 * (event-loop-pacer.ts), so that no answer holds it for long. A statement refused for too many
 * rows stops the request the same way.
 */
export class RequestBudgetPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    const counts = countedAs(fieldConfig.type as PothosOutputFieldType<SchemaTypes>);
    // A scalar that only exposes a property of its parent reads no data and returns no object:
    // its parent was checked and counted. Left unwrapped, it costs graphql-js a property read,
    // and a whole year's answer has tens of thousands of them.
    if (counts === 'nothing' && fieldConfig.extensions?.pothosExposedField !== undefined)
      return resolver;
    return (parent, args, context, info) => {
      const budget = (context as { budget?: RequestBudget }).budget;
      if (!budget) return resolver(parent, args, context, info);
      budget.check();
      const result = resolver(parent, args, context, info);
      if (isPromise(result)) {
        return result.then(
          // A list is not held back itself: its items are, and a list queued behind its own
          // items would reach graphql-js with every item ready, to complete in one go.
          (value) =>
            counts === 'items'
              ? counted(budget, value, counts)
              : budget.pace(counted(budget, value, counts)),
          (error: unknown) => {
            if (error instanceof RowLimitError)
              budget.stop(ResponseTooLargeError.rows(error.maxRows, error.rows));
            throw error;
          },
        );
      }
      return counted(budget, result, counts);
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      requestBudget: RequestBudgetPlugin<Types>;
    }
  }
}

export const requestBudgetPluginName = 'requestBudget' as const;

SchemaBuilder.registerPlugin(requestBudgetPluginName, RequestBudgetPlugin);
