import { builder } from './builder.js';

/** Where a page ends: whether more items follow, and the cursor to ask for them. */
export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export const PageInfoRef = builder.objectRef<PageInfo>('PageInfo').implement({
  description: 'Cursor pagination state.',
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage', { description: 'More items follow this page.' }),
    endCursor: t.exposeString('endCursor', {
      nullable: true,
      description: 'Cursor of the last item; pass as `after`.',
    }),
  }),
});
