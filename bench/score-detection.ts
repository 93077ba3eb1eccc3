/**
 * Scores the "target set too low" detection against the ground truth the synthetic generator
 * records (issue 4): precision and recall of RATIO, CEILING, RATCHET and CHRONIC, the share of
 * indicator texts the normaliser understands, and how many understood measures disagree with
 * what the generator meant (understood-but-wrong is a bug). The corpus is SYNTHETIC.
 *
 *   npx tsx bench/score-detection.ts [--departments 60] [--years 2019-2024] [--seed 20240601]
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { overshootIndicators, targetRatchets } from '../src/analytics/target-findings.js';
import { loadConfig } from '../src/config.js';
import { openWriter } from '../src/db/prepare-database.js';
import { importCanonical } from '../src/ingest/bulk/bulk-import.js';
import { writeCorpus } from '../src/synthetic/corpus-writer.js';
import { DEMO_CORPUS } from '../src/synthetic/demo-corpus.js';
import { generateReports } from '../src/synthetic/generate-corpus.js';
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

const work = await mkdtemp(join(tmpdir(), 'jixiao-score-'));
try {
  const written = await writeCorpus(options, join(work, 'corpus'));
  const db = await openWriter({ ...loadConfig({}), databasePath: join(work, 'score.duckdb') });
  await importCanonical(db.pool, { dir: join(work, 'corpus'), format: 'ndjson' });

  const truth = new Map<Rule, Set<string>>(RULES.map((r) => [r, new Set()]));
  for (const line of (await readFile(written.truthFile, 'utf8')).split('\n')) {
    if (!line) continue;
    const t = JSON.parse(line) as IndicatorTruth;
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
  for (const report of generateReports(options)) {
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
  const name = `detection-${options.departments}x${options.fromYear}-${options.toYear}-seed${options.seed}.json`;
  await writeFile(
    new URL(`./results/${name}`, import.meta.url),
    `${JSON.stringify(result, null, 2)}\n`,
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
