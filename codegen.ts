import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the named example operations (schema/operations/*.graphql), generated from
 * the committed schema. Tests and benchmarks import them from test/generated/.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['schema/operations/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'test/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        emitLegacyCommonJSImports: false,
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { ID: 'string' },
      },
    },
  },
};

export default config;
