import { Kind, parse, valueFromASTUntyped, type DocumentNode } from 'graphql';
import type { ExampleOperation } from '../graphql/example-operations.js';
import type { TableColumn, TableSpec } from './export-rows.js';
import { selectedFields } from './export-selection.js';
import { FRACTION_FORMAT, type ExportColumns, type OperationExport } from './export-spec.js';

/** A named operation ready to download: its document, its variables and its tables. */
export interface ExportPlan {
  operation: string;
  query: string;
  /** Variables the operation declares, with the defaults its document gives them. */
  variables: ReadonlyMap<string, unknown>;
  tables: readonly TableSpec[];
  fileName: readonly string[];
}

function declaredVariables(document: DocumentNode): Map<string, unknown> {
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const variables = new Map<string, unknown>();
  if (operation?.kind !== Kind.OPERATION_DEFINITION) return variables;
  for (const definition of operation.variableDefinitions ?? [])
    variables.set(
      definition.variable.name.value,
      definition.defaultValue ? valueFromASTUntyped(definition.defaultValue) : null,
    );
  return variables;
}

/**
 * Joins each operation with its map. A column is kept only when the operation selects its field,
 * so that an operation edited before its map loses a column rather than gaining an empty one
 * (the map test catches the difference either way). Operations without a map are not exported.
 */
export function planExports(
  operations: readonly ExampleOperation[],
  maps: readonly OperationExport[],
): Map<string, ExportPlan> {
  const plans = new Map<string, ExportPlan>();
  for (const op of operations) {
    const map = maps.find((m) => m.operation === op.name);
    if (!map) continue;
    const document = parse(op.query);
    const selected = selectedFields(document);
    const columns = (
      prefix: string,
      record: ExportColumns | undefined,
      fromRoot: boolean,
      fractions: readonly string[] = [],
    ) =>
      Object.entries(record ?? {})
        .filter(([path]) => selected.has(prefix + path))
        .map(([path, zh]): TableColumn => ({
          path,
          fromRoot,
          zh,
          en: path,
          ...(fractions.includes(path) ? { numberFormat: FRACTION_FORMAT } : {}),
        }));
    const tables = map.lists
      .filter((list) => selected.has(list.path))
      .map((list): TableSpec => ({
        list,
        columns: [
          ...columns('', list.context, true),
          ...columns(`${list.path}.`, list.columns, false, list.fractions),
        ],
      }));
    plans.set(op.name, {
      operation: op.name,
      query: op.query,
      variables: declaredVariables(document),
      tables,
      fileName: map.fileName,
    });
  }
  return plans;
}
