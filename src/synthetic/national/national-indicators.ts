/**
 * The key performance indicators of one synthetic national report (synthetic demo data): the
 * demo corpus's indicator templates (indicator-templates.ts), planned for one year and written by
 * render-indicator.ts, so their texts are in the phrasing families the normaliser reads; each is
 * placed under the framework's 产出 / 效果 groups by what it measures. The findings a correct
 * detector must report are computed with the rules themselves (measureFlags of src/rules/) on the
 * measures the texts were written to mean, not on what a parser reads from them.
 */
import type { IndicatorRow } from '../../ingest/report-document.js';
import type { UnitKind } from '../../rules/indicator-measure.js';
import { measureFlags } from '../../rules/measure-flags.js';
import { planIndicator } from '../indicator-series.js';
import {
  GENERIC_TEMPLATES,
  SECTOR_TEMPLATES,
  type IndicatorTemplate,
} from '../indicator-templates.js';
import type { Random } from '../random.js';
import {
  renderIndicator,
  type IndicatorContext,
  type IntendedMeasure,
} from '../render-indicator.js';

/** Level-1 and level-2 cells of a key indicator in the 一级/二级/三级指标 layout. */
export interface IndicatorGroup {
  level1: '产出' | '效果';
  level2: string;
}

/** One key indicator: its row (without line), its group and what its texts mean. */
export interface NationalIndicator {
  row: Omit<IndicatorRow, 'line'>;
  group: IndicatorGroup;
  intended: IntendedMeasure[];
}

/** A rule a correct detector must report for a measure in a single year. */
export type SingleYearRule = 'RATIO' | 'CEILING';

/** What a correct detector must find for one measure of one key indicator. */
export interface ExpectedFinding {
  seq: number;
  /** Index in normaliseIndicator(...).measures (and readIndicators' measures). */
  measureIndex: number;
  rules: SingleYearRule[];
}

const GROUP_ORDER = ['数量指标', '质量指标', '时效指标', '成本指标', '社会效益指标', '满意度指标'];

/** The framework group a template belongs to, by what it measures. */
function groupOf(template: IndicatorTemplate): IndicatorGroup {
  if (template.kind === 'MILESTONE' || template.kind === 'DEADLINE') {
    return { level1: '产出', level2: '时效指标' };
  }
  if (template.kind === 'QUALITATIVE') return { level1: '效果', level2: '社会效益指标' };
  const kind = template.measures[0]!.kind;
  if (kind === 'COST') return { level1: '产出', level2: '成本指标' };
  if (kind === 'HB') return { level1: '产出', level2: '数量指标' };
  if (kind === 'HBP') {
    return template.names.some((n) => n.includes('满意'))
      ? { level1: '效果', level2: '满意度指标' }
      : { level1: '产出', level2: '质量指标' };
  }
  return { level1: '效果', level2: '社会效益指标' };
}

/**
 * Chooses and writes 6-10 key indicators for `year`: some of the sector's, the rest generic. A
 * department's laxness is its chance that an indicator's target is set too low this year.
 */
export function planNationalIndicators(
  sector: string | null,
  year: number,
  context: IndicatorContext,
  rng: Random,
): NationalIndicator[] {
  const laxness = rng.weighted<number>([
    [0.04, 0.5],
    [0.15, 0.3],
    [0.4, 0.2],
  ]);
  const pool = sector === null ? [] : (SECTOR_TEMPLATES[sector] ?? []);
  const count = rng.int(6, 10);
  const fromSector = Math.min(pool.length, rng.int(3, 6), count);
  const templates = [
    ...rng.sample(pool, fromSector),
    ...rng.sample(GENERIC_TEMPLATES, count - fromSector),
  ];
  const written = templates.map((template) => {
    const plan = planIndicator(template, [year], laxness, rng);
    return { template, rendered: renderIndicator(template, plan.years[0]!, context) };
  });
  // Rows in framework order (产出 before 效果, groups in their usual order), as tables list them.
  const order = (g: IndicatorGroup) =>
    (g.level1 === '产出' ? 0 : 100) + GROUP_ORDER.indexOf(g.level2);
  return written
    .map((w) => ({ ...w, group: groupOf(w.template) }))
    .sort((a, b) => order(a.group) - order(b.group))
    .map(({ rendered, group }, i) => ({
      row: {
        seq: i + 1,
        name: rendered.name,
        targetText: rendered.targetText,
        actualText: rendered.actualText,
      },
      group,
      intended: rendered.intended,
    }));
}

/**
 * The unit kind the normaliser gives a base unit: what the rules read of it is whether it is a
 * percentage (CEILING), money (a cost cap is not evidence) or a date (not a numeric bound).
 */
function unitKindOf(unit: string | null): UnitKind | null {
  if (unit === null) return null;
  if (unit === '%') return 'PERCENT';
  if (unit === '万元') return 'MONEY';
  if (unit === '日期') return 'DATE';
  if (unit === '人') return 'PEOPLE';
  return 'COUNT';
}

/** RATIO and CEILING, by the rules of src/rules/, for each measure the indicators mean. */
export function expectedFindings(indicators: readonly NationalIndicator[]): ExpectedFinding[] {
  return indicators.flatMap((indicator) =>
    indicator.intended.map((m, measureIndex) => ({
      seq: indicator.row.seq,
      measureIndex,
      rules: measureFlags({
        comparator: m.comparator,
        target: m.target,
        actual: m.actual,
        direction: m.direction,
        unitKind: unitKindOf(m.unit),
        // The generator writes no OCR damage: nothing it writes reads as LOW confidence.
        confidence: 'HIGH',
        actualKind: m.actualKind ?? 'NONE',
      }).filter((r): r is SingleYearRule => r === 'RATIO' || r === 'CEILING'),
    })),
  );
}
