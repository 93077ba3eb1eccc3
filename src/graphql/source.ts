import type { SourcePlace } from '../db/tables.js';
import { builder } from './builder.js';

/** A place in a stored report's source text, and what was read there. */
export interface SourceLocation {
  reportId: number;
  line: number;
  page: number | null;
  /** What was read there, as stored: a row's cells joined by spaces, or a figure with its label. */
  text: string;
}

/**
 * Where a figure was read (docs/domain.md, "Provenance"), or null for rows with no source line
 * (a synthetic report built from numbers, or a row stored before provenance was kept).
 */
export function sourceOf(
  row: SourcePlace & { report_id: number },
  text: string,
): SourceLocation | null {
  if (row.line === null) return null;
  return { reportId: row.report_id, line: row.line, page: row.page, text };
}

export const SourceLocationRef = builder.objectRef<SourceLocation>('SourceLocation').implement({
  description:
    'Where a figure was read in its report: the file, the page and the line, and the text read there, so that an analyst can open the page a finding rests on.',
  fields: (t) => ({
    file: t.string({
      description: 'The report file as ingested (name under the ingested folder).',
      resolve: async (s, _args, ctx) => (await ctx.loaders.report.load(s.reportId))!.source_file,
    }),
    page: t.exposeInt('page', {
      nullable: true,
      description:
        '1-based page of the PDF (or of a text that marks its pages); null when the text marks none.',
    }),
    line: t.exposeInt('line', {
      description: '1-based line of the extracted text where the row or figure begins.',
    }),
    text: t.exposeString('text', { description: 'What was read there, as stored.' }),
  }),
});
