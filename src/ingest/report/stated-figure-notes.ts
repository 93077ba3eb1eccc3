/**
 * The figures the prose of 部门整体收支情况 always states in the Guangzhou template (docs/domain.md,
 * "Sections of the Guangzhou template"): each is reconciled with 表2 or with the amounts by
 * functional class, so one that cannot be found leaves a check undone. Its absence is a WARNING
 * naming the figure and what it would have been checked against, never a silent empty value.
 */
import { statedName, type StatedName } from '../reconcile-wording.js';
import type { ParseNote } from '../report-document.js';
import type { BudgetProse } from './parse-budget-prose.js';

const SECTION = '部门整体收支情况';

/** Each figure the template states, with what it is reconciled against. */
const ALWAYS_STATED: readonly (readonly [StatedName, string])[] = [
  ['revenue_total', '按功能分类合计和表2「本年支出合计」年初预算数'],
  ['full_year_budget', '表2「本年支出合计」全年预算数'],
  ['final_total', '按功能分类合计和表2「本年支出合计」决算数'],
  ['spending_progress', '表2 决算数与全年预算数之比'],
  ['execution_rate', '表2 决算数与全年预算数之比'],
  ['scale_final_total', '表2「本年支出合计」决算数'],
  ['basic_final', '表2「基本支出」决算数'],
  ['basic_share', '表2 基本支出与本年支出合计之比'],
  ['project_final', '表2「项目支出」决算数'],
  ['project_share', '表2 项目支出与本年支出合计之比'],
];

function notFound(figure: string, against: string): ParseNote {
  return {
    check: 'stated.not_found',
    severity: 'WARNING',
    message: `${SECTION}：未找到「${figure}」，该数留空，无法与${against}核对`,
    expected: null,
    actual: null,
  };
}

/** Notes for the stated figures and functional-class lists the prose does not give. */
export function missingStatedFigures(prose: BudgetProse): ParseNote[] {
  const found = new Set(prose.statedFigures.map((f) => f.name));
  return [
    ...ALWAYS_STATED.filter(([name]) => !found.has(name)).map(([name, against]) =>
      notFound(statedName(name, 'GUANGZHOU'), against),
    ),
    ...(prose.revenueByFunction.length === 0
      ? [notFound('按功能分类的年初预算收入', '年初预算收入合计')]
      : []),
    ...(prose.expenditureByFunction.length === 0
      ? [notFound('按功能分类的决算支出', '决算支出合计')]
      : []),
  ];
}
