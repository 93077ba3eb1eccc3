import SchemaBuilder, { BasePlugin, type PothosTypeConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLEnumValueConfig } from 'graphql';
import { labelledDescription } from './enum-labels.js';

/**
 * A Pothos plugin that puts each enum value's Chinese label from the one table (enum-labels.ts)
 * at the start of its description, for every enum whichever file declares it:
 * `"""承认且检出: The problem list admits it and findings confirm it."""`. Type definitions keep
 * their English descriptions; the label is added once, here, when the schema is built.
 */
export class EnumLabelsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onTypeConfig(typeConfig: PothosTypeConfig): PothosTypeConfig {
    if (typeConfig.kind !== 'Enum') return typeConfig;
    const { name, values } = typeConfig;
    const labelled = () => {
      const resolved = typeof values === 'function' ? values() : values;
      return Object.fromEntries(
        Object.entries(resolved).map(([value, config]): [string, GraphQLEnumValueConfig] => [
          value,
          { ...config, description: labelledDescription(name, value, config.description) },
        ]),
      );
    };
    return { ...typeConfig, values: labelled };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      enumLabels: EnumLabelsPlugin<Types>;
    }
  }
}

export const enumLabelsPluginName = 'enumLabels' as const;

SchemaBuilder.registerPlugin(enumLabelsPluginName, EnumLabelsPlugin);
