/**
 * Scores the "target set too low" detection against the ground truth the synthetic generator
 * records (issue 4): precision and recall of RATIO, CEILING, RATCHET and CHRONIC, the share of
 * indicator texts the normaliser understands, and how many understood measures disagree with
 * what the generator meant (understood-but-wrong is a bug); and precision and recall of the two
 * target-setting signals by department-year (JUST_ABOVE_BUNCHING of thresholdClustering,
 * TARGET_BELOW_ACHIEVED of targetAmbition, COPIED_ACTUALS of copiedActuals, which is scored by
 * 表3 row too). The corpus is SYNTHETIC.
 *
 *   npx tsx bench/score-detection.ts [--departments 60] [--years 2019-2024] [--seed 20240601]
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { copiedActuals } from '../src/analytics/copied-actuals.js';
import { overshootIndicators, targetRatchets } from '../src/analytics/target-findings.js';
import { targetAmbition } from '../src/analytics/target-ambition.js';
import { thresholdClustering } from '../src/analytics/threshold-clustering.js';
import { MAX_DEPARTMENTS } from '../src/analytics/scope.js';
import { loadConfig } from '../src/config.js';
import { openWriter } from '../src/db/prepare-database.js';
import { importCanonical } from '../src/ingest/bulk/bulk-import.js';
import { writeCorpus } from '../src/synthetic/corpus-writer.js';
import { DEMO_CORPUS } from '../src/synthetic/demo-corpus.js';
import {
  copiedCounts,
  copiedRowsTruth,
  copiedTruth,
  type CopiedCounts,
} from '../src/synthetic/copied-truth.js';
import { generateDepartments, generateReports } from '../src/synthetic/generate-corpus.js';
import { signalTruth } from '../src/synthetic/signal-truth.js';
import type { IndicatorTruth } from '../src/synthetic/generated-report.js';

const { values } = parseArgs({
  options: { departments: { type: 'string' }, years: { type: 'string' }, seed: { type: 'string' } },
});
const [fromYear, toYear] = (values.years ?? `${DEMO_CORPUS.fromYear}-${DEMO_CORPUS.toYear}`)
  .split('-')
  .map(Number);
const options = {
  seed: Number(values.seed ?? DEMO_CORPUS.seed),
  departments: Number(values.departments ?? DEMO_CORPUS.departments),
  fromYear: fromYear!,
  toYear: toYear ?? fromYear!,
};

const RULES = ['RATIO', 'CEILING', 'RATCHET', 'CHRONIC'] as const;
type Rule = (typeof RULES)[number];
const key = (department: string, year: number, seq: number, measure: number) =>
  `${department}|${year}|${seq}|${measure}`;

/** Precision and recall of a signal's detections against its labels, with a few of each miss. */
function scored(rule: string, unit: string, expected: Set<string>, found: Set<string>) {
  const tp = [...found].filter((k) => expected.has(k)).length;
  return {
    rule,
    unit,
    truth: expected.size,
    detected: found.size,
    truePositives: tp,
    precision: found.size === 0 ? null : tp / found.size,
    recall: expected.size === 0 ? null : tp / expected.size,
    falsePositives: [...found].filter((k) => !expected.has(k)).slice(0, 5),
    missed: [...expected].filter((k) => !found.has(k)).slice(0, 5),
  };
}

const work = await mkdtemp(join(tmpdir(), 'jixiao-score-'));
try {
  const written = await writeCorpus(options, join(work, 'corpus'));
  const db = await openWriter({ ...loadConfig({}), databasePath: join(work, 'score.duckdb') });
  await importCanonical(db.pool, { dir: join(work, 'corpus'), format: 'ndjson' });

  const truth = new Map<Rule, Set<string>>(RULES.map((r) => [r, new Set()]));
  const truthRecords: IndicatorTruth[] = [];
  for (const line of (await readFile(written.truthFile, 'utf8')).split('\n')) {
    if (!line) continue;
    const t = JSON.parse(line) as IndicatorTruth;
    truthRecords.push(t);
    for (const rule of t.rules)
      truth.get(rule)!.add(key(t.departmentCode, t.year, t.seq, t.measureIndex));
  }

  const detected = new Map<Rule, Set<string>>(RULES.map((r) => [r, new Set()]));
  const findings = await overshootIndicators(db.kysely, { first: 10_000 });
  if (findings.length >= 10_000)
    throw new Error('more than 10,000 findings: score a smaller corpus');
  for (const f of findings)
    detected
      .get(f.rule)!
      .add(key(f.departmentCode, f.year, f.measure.seq, f.measure.measure_index));
  for (const r of await targetRatchets(db.kysely, {})) {
    detected
      .get('RATCHET')!
      .add(key(r.departmentCode, r.year, r.measure.seq, r.measure.measure_index));
  }

  const scores = RULES.map((rule) => {
    const expected = truth.get(rule)!;
    const found = detected.get(rule)!;
    const tp = [...found].filter((k) => expected.has(k)).length;
    return {
      rule,
      truth: expected.size,
      detected: found.size,
      truePositives: tp,
      precision: found.size === 0 ? null : tp / found.size,
      recall: expected.size === 0 ? null : tp / expected.size,
      falsePositives: [...found].filter((k) => !expected.has(k)).slice(0, 5),
      missed: [...expected].filter((k) => !found.has(k)).slice(0, 5),
    };
  });

  // Target-setting signals, by department-year: the years a department is named in.
  const sectors = new Map(generateDepartments(options).map((d) => [d.code, d.sector ?? '']));
  if (sectors.size > MAX_DEPARTMENTS)
    throw new Error(`more than ${MAX_DEPARTMENTS} departments: score a smaller corpus`);
  const labels = signalTruth(truthRecords, (code) => sectors.get(code)!);
  const yearKey = (department: string, year: number) => `${department}|${year}`;
  const clustering = await thresholdClustering(db.kysely, { first: MAX_DEPARTMENTS });
  const ambition = await targetAmbition(db.kysely, { first: MAX_DEPARTMENTS });
  const signals = [
    {
      rule: 'JUST_ABOVE_BUNCHING',
      expected: new Set(labels.bunching.map((l) => yearKey(l.departmentCode, l.year))),
      found: new Set(
        clustering.departments.flatMap((d) =>
          d.bunching
            ? d.years.filter((y) => y.bunches).map((y) => yearKey(d.departmentCode, y.year))
            : [],
        ),
      ),
    },
    {
      rule: 'TARGET_BELOW_ACHIEVED',
      expected: new Set(labels.belowAchieved.map((l) => yearKey(l.departmentCode, l.year))),
      found: new Set(
        ambition.departments.flatMap((d) =>
          d.years.filter((y) => y.named).map((y) => yearKey(d.departmentCode, y.year)),
        ),
      ),
    },
  ].map(({ rule, expected, found }) => scored(rule, 'department-year', expected, found));

  // Normalisation: understood share, and understood measures that disagree with the intended ones.
  const { rows: counts } = await db.pool.query(
    'SELECT count(*) AS n, count(*) FILTER (WHERE understood) AS understood FROM indicators',
  );
  const { rows: measures } = await db.pool.query(
    'SELECT r.department_code, m.year, m.seq, m.measure_index, m.comparator, m.target, m.actual, m.unit FROM indicator_measures m JOIN reports r ON r.id = m.report_id',
  );
  const stored = new Map(
    measures.map((m) => [
      key(String(m.department_code), Number(m.year), Number(m.seq), Number(m.measure_index)),
      m,
    ]),
  );
  let wrong = 0;
  let compared = 0;
  const wrongExamples: string[] = [];
  const close = (a: unknown, b: number | null) =>
    a === null || a === undefined
      ? b === null
      : b !== null && Math.abs(Number(a) - b) <= 1e-9 * Math.max(1, Math.abs(b));
  const copiedRows = new Set<string>();
  const copied: CopiedCounts[] = [];
  for (const report of generateReports(options)) {
    copied.push(copiedCounts(report));
    copiedRowsTruth(report).forEach((isCopied, row) => {
      const seq = report.document.indicators[row]!.seq;
      if (isCopied)
        copiedRows.add(yearKey(report.departmentCode, report.document.year) + `|${seq}`);
    });
    report.intended.forEach((intendedMeasures, row) => {
      const seq = report.document.indicators[row]!.seq;
      intendedMeasures.forEach((intended, index) => {
        const m = stored.get(key(report.departmentCode, report.document.year, seq, index));
        if (!m) return;
        compared++;
        const ok =
          m.comparator === intended.comparator &&
          close(m.target, intended.target) &&
          close(m.actual, intended.actual) &&
          (m.unit ?? null) === intended.unit;
        if (!ok) {
          wrong++;
          if (wrongExamples.length < 5)
            wrongExamples.push(
              `${report.departmentCode} ${report.document.year} #${seq}.${index}: got ${JSON.stringify(m)} want ${JSON.stringify(intended)}`,
            );
        }
      });
    });
  }

  // Copied actuals, by 表3 row and by department-year (labels: src/synthetic/copied-truth.ts).
  const copiedAnswer = await copiedActuals(db.kysely, { first: MAX_DEPARTMENTS });
  signals.push(
    scored(
      'COPIED_ACTUALS',
      '表3 row',
      copiedRows,
      new Set(
        copiedAnswer.departments.flatMap((d) =>
          d.rows.map((r) => `${yearKey(d.departmentCode, r.year)}|${r.indicator.seq}`),
        ),
      ),
    ),
    scored(
      'COPIED_ACTUALS',
      'department-year',
      new Set(
        copiedTruth(copied, (code) => sectors.get(code)!).map((l) =>
          yearKey(l.departmentCode, l.year),
        ),
      ),
      new Set(
        copiedAnswer.departments.flatMap((d) =>
          d.years.filter((y) => y.named).map((y) => yearKey(d.departmentCode, y.year)),
        ),
      ),
    ),
  );
  await db.close();

  const result = {
    corpus: { ...options, synthetic: true, reports: written.reports },
    normalisation: {
      indicators: Number(counts[0]!.n),
      understood: Number(counts[0]!.understood),
      understoodShare: Number(counts[0]!.understood) / Number(counts[0]!.n),
      measuresCompared: compared,
      understoodButWrong: wrong,
      wrongExamples,
    },
    rules: scores,
    signals,
  };
  console.log(
    `synthetic corpus: ${options.departments} departments x ${options.fromYear}-${options.toYear} (seed ${options.seed}), ${written.reports} reports`,
  );
  console.log(
    `indicator texts understood: ${result.normalisation.understood}/${result.normalisation.indicators} (${(100 * result.normalisation.understoodShare).toFixed(1)} %); understood but wrong: ${wrong} of ${compared} measures`,
  );
  console.log('rule      truth  detected  precision  recall');
  for (const s of scores) {
    const pct = (x: number | null) => (x === null ? '   -  ' : x.toFixed(4));
    console.log(
      `${s.rule.padEnd(9)} ${String(s.truth).padStart(5)}  ${String(s.detected).padStart(8)}  ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}`,
    );
  }
  console.log('signal                    unit             truth  detected  precision  recall');
  for (const s of signals) {
    const pct = (x: number | null) => (x === null ? '   -  ' : x.toFixed(4));
    console.log(
      `${s.rule.padEnd(25)} ${s.unit.padEnd(15)} ${String(s.truth).padStart(6)}  ${String(s.detected).padStart(8)}  ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}`,
    );
  }
  const name = `detection-${options.departments}x${options.fromYear}-${options.toYear}-seed${options.seed}.json`;
  await writeFile(
    new URL(`./results/${name}`, import.meta.url),
    `${JSON.stringify(result, null, 2)}\n`,
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
