/**
 * Expenditure by nature (docs/domain.md, "表2 expenditure by nature": five categories at three
 * stages) of a national-framework report, from what it gives: its expenditure table where it has
 * one, else the prose, which usually states the final amounts and the total's budgets only. A
 * stage the report does not give stays null; nothing is derived (a missing 基本支出 is not total −
 * project), so that reconciliation compares only printed figures.
 */
import type { Decimal, NatureCategory } from '../../../db/tables.js';
import type { StageAmounts } from '../../report-document.js';
import type { NationalBudgetProse } from './national-budget-prose.js';
import type { NationalBudgetTable } from './national-budget-table.js';

const CATEGORIES: readonly NatureCategory[] = ['TOTAL', 'BASIC', 'PERSONNEL', 'PUBLIC', 'PROJECT'];
const STAGES: readonly Exclude<keyof StageAmounts, 'line'>[] = [
  'initialBudget',
  'fullYearBudget',
  'final',
];

function stated(prose: NationalBudgetProse, name: string): Decimal | null {
  return prose.statedFigures.find((f) => f.name === name)?.value ?? null;
}

/** The amounts by nature: the table's where it gives them, else the prose's. */
export function nationalByNature(
  prose: NationalBudgetProse,
  table: NationalBudgetTable | null,
): Record<NatureCategory, StageAmounts> {
  const final = (value: Decimal | null): StageAmounts => ({
    initialBudget: null,
    fullYearBudget: null,
    final: value,
  });
  const fromProse: Record<NatureCategory, StageAmounts> = {
    TOTAL: {
      initialBudget: stated(prose, 'revenue_total'),
      fullYearBudget: stated(prose, 'full_year_budget'),
      final: stated(prose, 'final_total'),
    },
    BASIC: final(stated(prose, 'basic_final')),
    PERSONNEL: final(prose.personnel?.value ?? null),
    PUBLIC: final(prose.public?.value ?? null),
    PROJECT: final(stated(prose, 'project_final')),
  };
  const out = {} as Record<NatureCategory, StageAmounts>;
  for (const category of CATEGORIES) {
    const row = table?.byNature[category];
    const amounts = { ...fromProse[category] };
    for (const stage of STAGES) amounts[stage] = row?.[stage] ?? amounts[stage];
    if (row?.line !== undefined) amounts.line = row.line;
    out[category] = amounts;
  }
  return out;
}
