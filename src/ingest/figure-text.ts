/**
 * Figures as data-quality messages print them, for the finance analysts who read the messages
 * beside the report: exact decimals (no floating point in between), thousands separators
 * throughout, amounts to the two decimals the reports print them with, and every figure with its
 * unit, so that each can be found in the report as printed (docs/domain.md, "Money, numbers and
 * ratios").
 */
import type { Decimal } from '../db/tables.js';

/** The units a message gives a figure in: amounts, points of a score, percentages. */
export type FigureUnit = '万元' | '分' | '%';

/** A decimal with thousands separators in its integer part, its decimals kept (`10,283.3`). */
export function groupedDecimal(value: Decimal): string {
  const [int = '0', frac] = value.replace(/^-/, '').split('.');
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${value.startsWith('-') ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** An amount to at least two decimals, as the reports print 万元 (`10,105.80`; never rounded). */
function amountDigits(value: Decimal): string {
  const [int, frac = ''] = value.split('.');
  return groupedDecimal(`${int}.${frac.padEnd(2, '0')}`);
}

/** A figure with its unit: `6,759.56 万元`, `46.98 分`, `66.86%`. */
export function figureText(value: Decimal, unit: FigureUnit): string {
  if (unit === '万元') return `${amountDigits(value)} 万元`;
  if (unit === '%') return `${groupedDecimal(value)}%`;
  return `${groupedDecimal(value)} ${unit}`;
}

/**
 * A figure after what it is: `人员经费 6,226.67 万元`, `表2「基本支出」决算数（第 437 行）6,756.71 万元`
 * (a space after a name, none after a closing bracket, as Chinese prose sets them).
 */
export function namedFigure(name: string, value: Decimal, unit: FigureUnit): string {
  return `${name}${/[）」]$/.test(name) ? '' : ' '}${figureText(value, unit)}`;
}

/** The size of a difference, without its sign (both figures are named beside it). */
export function magnitude(value: Decimal): Decimal {
  return value.replace(/^-/, '');
}

/** Where in the report text a figure is printed, or nothing for a figure with no source line. */
export function lineText(line: number | null | undefined): string {
  return line !== null && line !== undefined && line > 0 ? `（第 ${line} 行）` : '';
}
