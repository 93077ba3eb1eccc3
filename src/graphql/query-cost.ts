import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { CorpusStatistics } from '../analytics/corpus-statistics.js';
import { FALLBACK_LIST_SIZE, SIZE_RULES, type Frame } from './list-sizes.js';

/** One root field of an operation, with its arguments and its share of the estimate. */
export interface RootCost {
  /** The field's name (`targetRatchet`), whatever its alias. */
  field: string;
  /** Its response key (the alias, or the name). */
  key: string;
  args: Record<string, unknown>;
  /** Objects and list items it is expected to return. */
  objects: number;
}

/** The cost of an operation, estimated before it runs. */
export interface QueryCost {
  /** Objects and list items the answer is expected to hold: what the answer cap counts. */
  objects: number;
  roots: RootCost[];
}

interface Walk {
  schema: GraphQLSchema;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  stats: CorpusStatistics;
}

function argumentsOf(
  field: GraphQLField<unknown, unknown>,
  node: Parameters<typeof getArgumentValues>[1],
  variables: Record<string, unknown>,
): Record<string, unknown> {
  try {
    return getArgumentValues(field, node, variables);
  } catch {
    // Arguments the executor will refuse (BAD_USER_INPUT): nothing to estimate from.
    return {};
  }
}

/**
 * Objects and list items under one selection set of `type`, each field multiplied by its
 * expected size (list-sizes.ts); fragments are expanded, aliases counted one by one, and
 * `@skip`/`@include` ignored (a field that may be asked for counts).
 */
function selectionCost(
  walk: Walk,
  type: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  frame: Frame,
  roots?: RootCost[],
): number {
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT || selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment =
        selection.kind === Kind.INLINE_FRAGMENT
          ? selection
          : walk.fragments.get(selection.name.value);
      if (!fragment) continue;
      const condition = fragment.typeCondition
        ? walk.schema.getType(fragment.typeCondition.name.value)
        : type;
      if (!condition || !isCompositeType(condition)) continue;
      total += selectionCost(walk, condition, fragment.selectionSet, frame, roots);
      continue;
    }
    const name = selection.name.value;
    const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
    if (!field) continue; // __typename, or a field validation refuses
    const args = argumentsOf(field, selection, walk.variables);
    const rule = SIZE_RULES[`${type.name}.${name}`];
    const isList = isListType(getNullableType(field.type));
    const size = rule
      ? rule({ args, stats: walk.stats, frame })
      : { items: isList ? FALLBACK_LIST_SIZE : 1 };
    const named = getNamedType(field.type);
    let cost = 0;
    if (isCompositeType(named)) {
      const children = selection.selectionSet
        ? selectionCost(walk, named, selection.selectionSet, size.frame ?? {})
        : 0;
      cost = size.items * (1 + children);
    } else if (isList) {
      cost = size.items;
    }
    total += cost;
    roots?.push({ field: name, key: selection.alias?.value ?? name, args, objects: cost });
  }
  return total;
}

/**
 * Estimates how many objects and list items an operation's answer will hold, from the corpus
 * statistics: the same count the answer cap applies at run time, so that an operation that
 * would surely be cut is refused before any work. An estimate, not a bound: a department with
 * more reports than the mean costs more than estimated, and the cap still applies.
 */
export function estimateCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: readonly FragmentDefinitionNode[],
  variables: Record<string, unknown>,
  stats: CorpusStatistics,
): QueryCost {
  const root = schema.getRootType(operation.operation);
  const roots: RootCost[] = [];
  if (!root) return { objects: 0, roots };
  const walk: Walk = {
    schema,
    fragments: new Map(fragments.map((f) => [f.name.value, f])),
    variables,
    stats,
  };
  const objects = selectionCost(walk, root, operation.selectionSet, {}, roots);
  return { objects: Math.round(objects), roots };
}
