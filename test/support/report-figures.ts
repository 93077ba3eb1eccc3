import type { ReportDocument } from '../../src/ingest/report-document.js';

/**
 * The figures of a parsed report, flat, by a key that says which family of findings is about
 * them: what the fuzz test compares between the real report and a mutated copy. Texts (names,
 * indicator cells, prose) are left out: they are stated once and no reconciliation can see them
 * change.
 */
export function reportFigures(doc: ReportDocument): Map<string, string> {
  const figures = new Map<string, string>();
  figures.set('year', String(doc.year));
  for (const f of doc.statedFigures) figures.set(`stated.${f.name}`, f.value);
  const classes = (amounts: ReportDocument['revenueByFunction']) =>
    amounts.map((a) => `${a.functionClass} ${a.amount}`).join('，');
  figures.set('function.revenue', classes(doc.revenueByFunction));
  figures.set('function.expenditure', classes(doc.expenditureByFunction));
  for (const [category, amounts] of Object.entries(doc.byNature)) {
    for (const stage of ['initialBudget', 'fullYearBudget', 'final'] as const) {
      figures.set(`nature.${category}.${stage}`, String(amounts[stage]));
    }
  }
  const { score } = doc;
  figures.set('score.total', `${score.total} / ${score.totalWeight}`);
  figures.set('score.duty', `${score.duty?.score} / ${score.duty?.weight}`);
  figures.set('score.management', `${score.management?.score} / ${score.management?.weight}`);
  figures.set(
    'table.rows',
    doc.managementScores.map((r) => `${r.weight} ${r.score} ${r.scoreRate}`).join('，'),
  );
  figures.set('deduction.points', doc.deductions.map((d) => `${d.part} ${d.points}`).join('，'));
  return figures;
}

/** The check families of the findings that can be about a figure, by the figure's key. */
const FAMILIES: readonly (readonly [RegExp, readonly string[]])[] = [
  [/^year$/, ['title.']],
  [/^stated\./, ['stated.', 'nature.', 'ratio.', 'range.', 'revenue.', 'expenditure.']],
  [/^function\./, ['revenue.', 'expenditure.', 'stated.', 'range.']],
  [/^nature\./, ['nature.', 'ratio.', 'range.', 'stated.']],
  [/^score\./, ['score.', 'management.', 'ratio.', 'stated.', 'range.', 'deduction.']],
  [/^table\./, ['management.', 'score.', 'range.', 'deduction.']],
  [/^deduction\./, ['deduction.', 'score.']],
];

/** Whether a finding's check is of a family that can be about the figure `key`. */
export function isAbout(check: string, key: string): boolean {
  const families = FAMILIES.find(([pattern]) => pattern.test(key))?.[1] ?? [];
  return families.some((family) => check.startsWith(family));
}
