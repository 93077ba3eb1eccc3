import { joinLines, type SourceLine } from './source-text.js';

/**
 * Phrases that name the year a report evaluates, most telling first: the year of the department's
 * overall expenditure (`2022年度部门整体支出`, `表 2 2023年部门整体支出决算表`), then the year of
 * its budget and final accounts (`本部门 2023 年度年初预算收入`, `2023年度部门决算支出`).
 */
const PHRASES: readonly RegExp[] = [
  /(\d{4})年度?(?:部门|单位|机关)整体支出/g,
  /(\d{4})年度?(?:(?:年初|全年)?预算(?:收入|支出|数)|(?:部门)?决算)/g,
];

/** A year the text names in one of the PHRASES, with the line it is printed on. */
export interface YearPhrase {
  year: number;
  line: number;
  /** Index of the phrase in PHRASES: 0 is the most telling. */
  tier: number;
}

/** Every year the text names in a phrase about the evaluated year, in order of appearance per tier. */
export function yearPhrases(lines: readonly SourceLine[]): YearPhrase[] {
  const joined = joinLines(lines);
  return PHRASES.flatMap((phrase, tier) =>
    [...joined.text.matchAll(phrase)].map((m) => ({
      year: Number(m[1]),
      line: joined.lineAt(m.index),
      tier,
    })),
  );
}

/** The years the text states in the most telling kind of phrase it has, in order of appearance. */
export interface StatedYears {
  years: number[];
  /** The one year when every such phrase names the same year; null when none does or they differ. */
  year: number | null;
}

/**
 * Reads the fiscal year from a report's text, for titles that state none. The text must agree
 * with itself: phrases naming different years leave the year unknown, since picking one would be
 * a guess (a report also mentions the year it was written in and the next year's budget).
 */
export function statedFiscalYear(lines: readonly SourceLine[]): StatedYears {
  const phrases = yearPhrases(lines);
  for (let tier = 0; tier < PHRASES.length; tier++) {
    const years = [...new Set(phrases.filter((p) => p.tier === tier).map((p) => p.year))];
    if (years.length > 0) return { years, year: years.length === 1 ? years[0]! : null };
  }
  return { years: [], year: null };
}
