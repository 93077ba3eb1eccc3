import { realReportText } from './real-report.js';

/**
 * Mutations of the real report for the fuzz test (test/report-fuzz.test.ts): one digit of a
 * figure the report states twice, a deleted line, repeated content, another year, a misprinted
 * percentage. Deterministic for a seed, so that a failure can be replayed.
 */

/** A figure as printed on a line of the real report (1-based line, `nth` occurrence on it). */
export interface PrintedFigure {
  line: number;
  printed: string;
  nth?: number;
}

/**
 * The figures the real report states twice (docs/domain.md, "Figures in the real report"): each is
 * printed here and restated in another place, summed into a stated total, or divided into a
 * stated share or rate, so that a change to any of them can be seen.
 */
const PROSE_FIGURES: readonly PrintedFigure[] = [
  // The title's year, restated by the text's budget phrases (and they by it).
  { line: 1, printed: '2023' },
  { line: 393, printed: '2023' },
  { line: 403, printed: '2023' },
  { line: 415, printed: '2023' },
  { line: 420, printed: '2023' },
  { line: 512, printed: '2023' },
  // 1.预算收入: the total and its functional classes; 2.预算支出 likewise, with the two rates.
  { line: 395, printed: '10,283.32' },
  { line: 395, printed: '5,781.20' },
  { line: 397, printed: '274.64' },
  { line: 397, printed: '1,580.00' },
  { line: 399, printed: '774.33' },
  { line: 401, printed: '35.86' },
  { line: 401, printed: '1,837.30' },
  { line: 403, printed: '10,192.48' },
  { line: 405, printed: '10,105.79' },
  { line: 407, printed: '5,438.96' },
  { line: 407, printed: '202.01' },
  { line: 409, printed: '1,590.91' },
  { line: 409, printed: '931.91' },
  { line: 411, printed: '27.37' },
  { line: 413, printed: '1,914.64' },
  { line: 413, printed: '99.15' },
  { line: 413, printed: '99.15', nth: 1 },
  // 3.支出规模: the final total again, basic and project with their shares.
  { line: 417, printed: '10,105.79' },
  { line: 417, printed: '6,756.71' },
  { line: 418, printed: '66.86' },
  { line: 418, printed: '3,349.08' },
  { line: 418, printed: '33.14' },
  // 自评结论 and the two analysis paragraphs: weights, scores, rates and the points lost.
  { line: 514, printed: '100' },
  { line: 516, printed: '96.97' },
  { line: 518, printed: '49.99' },
  { line: 518, printed: '46.98' },
  { line: 519, printed: '50' },
  { line: 519, printed: '49.99' },
  { line: 521, printed: '99.98' },
  { line: 523, printed: '0.01' },
  { line: 746, printed: '50' },
  { line: 746, printed: '46.98' },
  { line: 748, printed: '93.96' },
  { line: 754, printed: '3' },
  { line: 757, printed: '0.02' },
];

const LINES = realReportText().split('\n');

/** The cells of a table's rows (表2: three amounts; 表4: weight, score and rate). */
function tableCells(from: number, to: number, cell: RegExp): PrintedFigure[] {
  const figures: PrintedFigure[] = [];
  for (let line = from; line <= to; line++) {
    const text = LINES[line - 1]!;
    const seen = new Map<string, number>();
    for (const [printed] of text.matchAll(cell)) {
      const nth = seen.get(printed) ?? 0;
      seen.set(printed, nth + 1);
      figures.push({ line, printed, nth });
    }
  }
  return figures;
}

/** Every doubly-stated figure of the real report: the prose's, 表2's and 表4's. */
export const DOUBLY_STATED: readonly PrintedFigure[] = [
  ...PROSE_FIGURES,
  ...tableCells(435, 443, /\d[\d,]*\.\d+/g),
  ...tableCells(765, 818, /(?<![\d.])\d+(?:\.\d+)?(?![\d.])/g),
];

/** Lines of 表2 and 表4 whose copies the parser must refuse (1-based, inclusive). */
export const TABLE_2 = { from: 420, to: 443 } as const;
export const TABLE_4 = { from: 759, to: 818 } as const;

/** A seeded pseudo-random source (mulberry32): the same seed gives the same mutations. */
export function seededRandom(seed: number): {
  next(): number;
  int(below: number): number;
  pick<T>(items: readonly T[]): T;
} {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  return { next, int, pick: (items) => items[int(items.length)]! };
}

export type MutationKind = 'digit' | 'delete-line' | 'repeat' | 'year' | 'percent';

/** One mutated copy of the real report. */
export interface Mutation {
  kind: MutationKind;
  /** What was done, to name a failing case. */
  label: string;
  text: string;
  /** For a changed figure: its line, what was printed and what is now. */
  figure?: { line: number; before: string; after: string };
  /** For repeated content that the parser must refuse: the line where the copy begins. */
  copyAt?: number;
}

/** The column of the `nth` occurrence of `printed` on a line. */
function columnOf(text: string, printed: string, nth: number): number {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = text.indexOf(printed, at + 1);
    if (at < 0) throw new Error(`"${printed}" is not printed ${nth + 1} times on "${text}"`);
  }
  return at;
}

/** The real report with the figure `f` printed as `after`. */
export function withFigure(f: PrintedFigure, after: string): string {
  const lines = [...LINES];
  const text = lines[f.line - 1]!;
  const at = columnOf(text, f.printed, f.nth ?? 0);
  lines[f.line - 1] = text.slice(0, at) + after + text.slice(at + f.printed.length);
  return lines.join('\n');
}

function digitMutation(random: ReturnType<typeof seededRandom>): Mutation {
  const f = random.pick(DOUBLY_STATED);
  const digits = [...f.printed].flatMap((ch, i) => (/\d/.test(ch) ? [i] : []));
  const at = random.pick(digits);
  const old = Number(f.printed[at]);
  // Another digit; a leading digit stays non-zero, so that the figure keeps its form.
  const choices = [...'0123456789'].filter((d) => Number(d) !== old && (at > 0 || d !== '0'));
  const after = f.printed.slice(0, at) + random.pick(choices) + f.printed.slice(at + 1);
  return {
    kind: 'digit',
    label: `line ${f.line}: ${f.printed} → ${after}`,
    text: withFigure(f, after),
    figure: { line: f.line, before: f.printed, after },
  };
}

/** A percentage misprinted: its decimal point dropped or moved, or a digit too many. */
function percentMutation(random: ReturnType<typeof seededRandom>): Mutation {
  const percents = DOUBLY_STATED.filter((f) => {
    const text = LINES[f.line - 1]!;
    const at = columnOf(text, f.printed, f.nth ?? 0);
    return /^\s*[%％]/.test(text.slice(at + f.printed.length));
  });
  const f = random.pick(percents);
  const [int, frac] = f.printed.split('.');
  const forms = [
    ...(frac ? [`${int}${frac}`, `${int}${frac.slice(0, 1)}.${frac.slice(1) || '0'}`] : []),
    `${f.printed}0`,
    `${int}0${frac ? `.${frac}` : ''}`,
  ].filter((form) => Number(form) !== Number(f.printed));
  const after = random.pick(forms);
  return {
    kind: 'percent',
    label: `line ${f.line}: ${f.printed}% → ${after}%`,
    text: withFigure(f, after),
    figure: { line: f.line, before: f.printed, after },
  };
}

function yearMutation(random: ReturnType<typeof seededRandom>): Mutation {
  const years = PROSE_FIGURES.filter((f) => f.printed === '2023');
  const f = random.pick(years);
  const year = String(
    random.pick([1899, 1999, 2000, 2019, 2022, 2024, 2100, 2101, 2203, 3023, 7023, 9999]),
  );
  return {
    kind: 'year',
    label: `line ${f.line}: 2023 → ${year}`,
    text: withFigure(f, year),
    figure: { line: f.line, before: '2023', after: year },
  };
}

function deleteLine(random: ReturnType<typeof seededRandom>): Mutation {
  const nonEmpty = LINES.flatMap((text, i) => (text.trim() ? [i] : []));
  const i = random.pick(nonEmpty);
  return {
    kind: 'delete-line',
    label: `line ${i + 1} deleted: ${LINES[i]!.trim().slice(0, 24)}`,
    text: LINES.filter((_, k) => k !== i).join('\n'),
  };
}

/**
 * Content repeated: the whole report twice or more (with a blank line or a form feed between),
 * a table's copy at the end, or a run of lines from the body appended.
 */
function repeatMutation(random: ReturnType<typeof seededRandom>): Mutation {
  const whole = LINES.join('\n');
  const choice = random.int(4);
  if (choice === 0) {
    const copies = 2 + random.int(3);
    const separator = random.pick(['\n', '\n\n', '\n\f']);
    return {
      kind: 'repeat',
      label: `the whole report ${copies} times`,
      text: Array(copies).fill(whole).join(separator),
      // The copy's title is on the line after the first copy's last, or after the blank one.
      copyAt: LINES.length + (separator.match(/\n/g) ?? []).length,
    };
  }
  if (choice === 1 || choice === 2) {
    const table = choice === 1 ? TABLE_2 : TABLE_4;
    const copy = LINES.slice(table.from - 1, table.to);
    return {
      kind: 'repeat',
      label: `表${choice === 1 ? 2 : 4} again at the end`,
      text: [...LINES, ...copy].join('\n'),
      copyAt: LINES.length + 1,
    };
  }
  const from = 3 + random.int(LINES.length - 30);
  const length = 1 + random.int(20);
  return {
    kind: 'repeat',
    label: `lines ${from}-${from + length - 1} again at the end`,
    text: [...LINES, ...LINES.slice(from - 1, from - 1 + length)].join('\n'),
  };
}

/** How many mutations of each kind a run makes. */
export const MUTATIONS_PER_KIND: Readonly<Record<MutationKind, number>> = {
  digit: 160,
  'delete-line': 120,
  repeat: 30,
  year: 30,
  percent: 40,
};

/** The mutations of one run, for `seed`. */
export function mutations(seed: number): Mutation[] {
  const random = seededRandom(seed);
  const makers: Readonly<Record<MutationKind, (r: typeof random) => Mutation>> = {
    digit: digitMutation,
    'delete-line': deleteLine,
    repeat: repeatMutation,
    year: yearMutation,
    percent: percentMutation,
  };
  return (Object.keys(MUTATIONS_PER_KIND) as MutationKind[]).flatMap((kind) =>
    Array.from({ length: MUTATIONS_PER_KIND[kind] }, () => makers[kind](random)),
  );
}
