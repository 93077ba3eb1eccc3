/**
 * Dates in indicator cells: deadlines (`12月底前完成`, `2023年6月30日前`), completion dates in actuals
 * (`项目已于2023年8月30日通过初步验收`) and date ranges (`2023年1月-12月`). Dates are values as
 * yyyymmdd numbers; a date without a year has no value (null), never a guessed year.
 */
import { parseChineseNumeral } from './indicator-number.js';

/** A day within a year; day 'END' is the last day of the month. */
export interface DayOfYear {
  month: number;
  day: number | 'END';
}

/** A date or period mentioned in a cell. */
export interface DateMention {
  start: number;
  end: number;
  text: string;
  year: number | null;
  /** Year of the last day: differs from `year` only for ranges across a new year. */
  toYear: number | null;
  /** First and last day of the period (a single day has from = to). */
  from: DayOfYear;
  to: DayOfYear;
  /** Whether the day is known, or only the month / year / part of year (read with less confidence). */
  precise: boolean;
  /** Followed by 前 / 之前 / 内 or a completion verb: a deadline, not a point of measurement. */
  deadline: boolean;
  /** Written as a range (`2023年1月-12月`). */
  range: boolean;
}

const CN_DIGITS = '〇零一二三四五六七八九';

function readNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  return parseChineseNumeral(text);
}

function readYear(text: string): number | null {
  if (/^\d{4}$/.test(text)) return Number(text);
  // 二〇二三 is written digit by digit.
  if ([...text].every((ch) => CN_DIGITS.includes(ch))) {
    return Number(
      [...text]
        .map((ch) => (ch === '零' ? 0 : CN_DIGITS.indexOf(ch) - (ch === '〇' ? 0 : 1)))
        .join(''),
    );
  }
  return null;
}

const MONTH_NUM = '(\\d{1,2}|十[一二]?|[一二三四五六七八九])';
const DAY_NUM = '(\\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])';
const MONTH_PART = `${MONTH_NUM}月份?(?:${DAY_NUM}[日号]|(底|末|中旬|上旬|下旬|初))?`;
const YEAR_NUM = `(\\d{4}|[${CN_DIGITS}]{4})`;

/** What a pattern reads: the period, before position and context are known. */
type Period = Pick<DateMention, 'year' | 'from' | 'to' | 'precise'>;

const PATTERNS: ReadonlyArray<{ re: RegExp; read: (m: RegExpExecArray) => Period | null }> = [
  {
    // 2023-12-31, 2023.12.31, 2023/12/31
    re: /(\d{4})[-./](\d{1,2})[-./](\d{1,2})日?/y,
    read: (m) => day(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    // 2023年1-6月, 1至6月: a month range inside one year.
    re: new RegExp(`(?:${YEAR_NUM}年)?(\\d{1,2})[-~至到](\\d{1,2})月份?`, 'y'),
    read: (m) => {
      const from = Number(m[2]);
      const to = Number(m[3]);
      if (!validMonth(from) || !validMonth(to) || from > to) return null;
      return {
        year: m[1] ? readYear(m[1]) : null,
        from: { month: from, day: 1 },
        to: { month: to, day: 'END' },
        precise: false,
      };
    },
  },
  {
    // 2023年 / 2023年度 / 2023年底 / 2023年上半年 / 2023年8月30日 / 2023年12月底
    re: new RegExp(`${YEAR_NUM}年度?(?:${MONTH_PART}|(上半年|下半年|底|末|内))?`, 'y'),
    read: (m) => {
      const year = readYear(m[1] ?? '');
      if (year === null) return null;
      if (m[2]) return monthPart(year, m[2], m[3], m[4]);
      return yearPart(year, m[5]);
    },
  },
  {
    // 12月底, 6月30日, 十二月 (a month without a year; never after 个: 6个月 is a duration)
    re: new RegExp(MONTH_PART, 'y'),
    read: (m) => monthPart(null, m[1] ?? '', m[2], m[3]),
  },
  {
    // 年底前, 年内, 上半年, 三季度末: parts of an unnamed year (deadlines only, see findDates).
    re: /(年底|年末|年内|年中|上半年|下半年)|([一二三四1-4])季度(?:末|底)?/y,
    read: (m) => {
      if (m[1]) return yearPart(null, m[1].replace(/^年/, ''));
      const quarter = readNumber(m[2] ?? '');
      if (quarter === null) return null;
      return {
        year: null,
        from: { month: quarter * 3 - 2, day: 1 },
        to: { month: quarter * 3, day: 'END' },
        precise: false,
      };
    },
  },
];

function validMonth(month: number): boolean {
  return Number.isInteger(month) && month >= 1 && month <= 12;
}

function day(year: number | null, month: number, dayOfMonth: number): Period | null {
  if (!validMonth(month) || dayOfMonth < 1 || dayOfMonth > 31) return null;
  return { year, from: { month, day: dayOfMonth }, to: { month, day: dayOfMonth }, precise: true };
}

function monthPart(
  year: number | null,
  monthText: string,
  dayText: string | undefined,
  part: string | undefined,
): Period | null {
  const month = readNumber(monthText);
  if (month === null || !validMonth(month)) return null;
  if (dayText) {
    const d = readNumber(dayText);
    return d === null ? null : day(year, month, d);
  }
  const period = (from: DayOfYear['day'], to: DayOfYear['day']): Period => ({
    year,
    from: { month, day: from },
    to: { month, day: to },
    precise: false,
  });
  switch (part) {
    case '底':
    case '末':
      return period('END', 'END');
    case '下旬':
      return period(21, 'END');
    case '中旬':
      return period(11, 20);
    case '上旬':
    case '初':
      return period(1, 10);
    default:
      return period(1, 'END');
  }
}

function yearPart(year: number | null, part: string | undefined): Period {
  const period = (from: DayOfYear, to: DayOfYear): Period => ({ year, from, to, precise: false });
  switch (part) {
    case '底':
    case '末':
      return period({ month: 12, day: 'END' }, { month: 12, day: 'END' });
    case '中':
      return period({ month: 6, day: 'END' }, { month: 6, day: 'END' });
    case '上半年':
      return period({ month: 1, day: 1 }, { month: 6, day: 'END' });
    case '下半年':
      return period({ month: 7, day: 1 }, { month: 12, day: 'END' });
    default:
      // A bare year, or 年内 ("within the year").
      return period({ month: 1, day: 1 }, { month: 12, day: 'END' });
  }
}

/** A deadline word follows: 前, 之前, 以前, 内, 止 (`6月30日前`, `年底前`). */
const DEADLINE_AFTER = /^(?:之前|以前|前|内|止|为止)/;

/**
 * A completion verb follows (`12月底完成`, `年底建成`): a deadline when the date is more than a
 * year. After a bare year it only places the work in the year (`2023年完成培训3次`), and a
 * verb followed by a number is progress within a period (`一季度完成30%`), not a deadline.
 */
const COMPLETION_AFTER = /^(?:完成|建成|上线|竣工|交付|出台|印发|办结|投入使用)(?![^，,。；;]*\d)/;

/** yyyymmdd of a day in a year, or null when the year is unknown. */
export function dateValue(year: number | null, d: DayOfYear): number | null {
  if (year === null) return null;
  const dayOfMonth = d.day === 'END' ? new Date(Date.UTC(year, d.month, 0)).getUTCDate() : d.day;
  return year * 10000 + d.month * 100 + dayOfMonth;
}

/**
 * Finds the dates in a compact cell, left to right. Dates followed by a connector and another
 * date are merged into one range. Parts of an unnamed year (年底, 上半年) count only as deadlines
 * (`年底前完成`): `年底检查验收` names a time of inspection, not a target.
 */
export function findDates(text: string): DateMention[] {
  const found: DateMention[] = [];
  let i = 0;
  outer: while (i < text.length) {
    const prev = text[i - 1] ?? '';
    for (const [index, pattern] of PATTERNS.entries()) {
      // Numbers never start in the middle of another number or right after 个 (6个月).
      if (/[\d.]/.test(prev) && /[\d]/.test(text[i] ?? '')) break;
      if (index === 3 && /[个〇零一二三四五六七八九十]/.test(prev)) continue;
      pattern.re.lastIndex = i;
      const m = pattern.re.exec(text);
      if (!m) continue;
      const read = pattern.read(m);
      if (!read) continue;
      const end = i + m[0].length;
      const rest = text.slice(end);
      const wholeYear =
        read.from.month === 1 &&
        read.from.day === 1 &&
        read.to.month === 12 &&
        read.to.day === 'END';
      const deadline =
        DEADLINE_AFTER.test(rest) ||
        (COMPLETION_AFTER.test(rest) && !wholeYear) ||
        /年内$/.test(m[0]);
      if (index === 4 && !deadline && m[0] !== '年内') continue;
      found.push({ ...read, toYear: read.year, start: i, end, text: m[0], deadline, range: false });
      i = end;
      continue outer;
    }
    i++;
  }
  return mergeRanges(text, found);
}

function mergeRanges(text: string, dates: DateMention[]): DateMention[] {
  const out: DateMention[] = [];
  for (const date of dates) {
    const last = out[out.length - 1];
    const between = last ? text.slice(last.end, date.start) : '';
    if (last && /^[-~至到]$/.test(between)) {
      out[out.length - 1] = {
        ...last,
        end: date.end,
        text: text.slice(last.start, date.end),
        to: date.to,
        // The second end inherits the year of the first when it has none (2023年1月-12月).
        toYear: date.year ?? last.year,
        precise: last.precise && date.precise,
        deadline: date.deadline,
        range: true,
      };
      continue;
    }
    out.push(date);
  }
  return out;
}
