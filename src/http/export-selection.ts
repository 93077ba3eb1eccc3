import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** A field an operation selects: a leaf (scalar or enum, or a list of them) or an object. */
export type SelectedKind = 'leaf' | 'object';

/**
 * The fields the first operation of a document selects, by dotted response path (aliases as the
 * answer names them), fragments spread in. A download keeps only the columns its operation
 * selects, and the map test compares both ways.
 */
export function selectedFields(document: DocumentNode): Map<string, SelectedKind> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const fields = new Map<string, SelectedKind>();
  const walk = (set: SelectionSetNode, prefix: string) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const path = prefix + (selection.alias ?? selection.name).value;
        if (selection.selectionSet) {
          fields.set(path, 'object');
          walk(selection.selectionSet, `${path}.`);
        } else if (!fields.has(path)) fields.set(path, 'leaf');
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, prefix);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet, prefix);
      }
    }
  };
  if (operation?.kind === Kind.OPERATION_DEFINITION) walk(operation.selectionSet, '');
  return fields;
}
