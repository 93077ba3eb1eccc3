import { MIN_PEER_GROUP } from '../analytics/benchmark.js';
import type { SectorDistribution } from '../analytics/signal-population.js';
import { BAND_BOUNDS, ATTAINMENT_BANDS, type AttainmentBand } from '../rules/attainment-band.js';
import { builder } from './builder.js';
import { formatFraction, formatNumber, formatRatio } from './number-format.js';
import type { Viewer } from './viewer.js';

/*
 * What the target-setting signals share (docs/domain.md, "Target-setting signals"): the
 * attainment bands, a sector's distribution of a department figure, and how a DEPARTMENT token
 * sees that distribution. The rule a finding names and last year's row are every finding's
 * (finding-explanation.ts).
 */

const percent = (value: number | null) => (value === null ? '' : `${value * 100} %`);

/** A band's range in words: "(100 %, 105 %]". */
export function bandRange(band: AttainmentBand): string {
  const b = BAND_BOUNDS[band];
  if (b.from !== null && b.from === b.to) return `= ${percent(b.from)}`;
  const open = b.from === null ? '(−∞' : `${b.fromOpen ? '(' : '['}${percent(b.from)}`;
  const close = b.to === null ? '+∞)' : `${percent(b.to)}${b.toOpen ? ')' : ']'}`;
  return `${open}, ${close}`;
}

export const AttainmentBandEnum = builder.enumType('AttainmentBand', {
  description:
    'A band of attainment (actual / target, target / actual when lower is better) of an evidence measure.',
  values: Object.fromEntries(
    ATTAINMENT_BANDS.map((band) => [
      band,
      {
        description: `Attainment ${bandRange(band)}${
          band === 'ABOVE_200'
            ? '; also a lower-better target above 0 met with 0, whose attainment is unbounded'
            : band === 'FROM_120_TO_200'
              ? ' (RATIO fires from 120 %)'
              : ''
        }.`,
      },
    ]),
  ) as Record<AttainmentBand, { description: string }>,
});

/** Evidence measures in one band, with their share of the measures counted. */
export interface BandShare {
  band: AttainmentBand;
  count: number;
  measurable: number;
}

export const AttainmentBandCountRef = builder
  .objectRef<BandShare>('AttainmentBandCount')
  .implement({
    description: 'How many evidence measures have their attainment in one band.',
    fields: (t) => ({
      band: t.field({ type: AttainmentBandEnum, resolve: (b) => b.band, description: 'The band.' }),
      range: t.string({
        resolve: (b) => bandRange(b.band),
        description: 'The band’s range of attainment, e.g. "(100 %, 105 %]".',
      }),
      count: t.exposeInt('count', { description: 'Evidence measures in the band.' }),
      share: t.float({
        nullable: true,
        resolve: (b) => (b.measurable === 0 ? null : b.count / b.measurable),
        description: 'count / evidence measures counted, a fraction (0 to 1); null when none.',
      }),
      shareText: t.string({
        nullable: true,
        resolve: (b) => (b.measurable === 0 ? null : formatRatio(b.count, b.measurable)),
        description: 'share as a person reads it, e.g. "20.00%".',
      }),
    }),
  });

export const SectorDistributionRef = builder
  .objectRef<SectorDistribution>('SectorDistribution')
  .implement({
    description:
      'A department figure across the department’s sector (领域) in one year: how many departments were judged and the quartiles. No minimum, maximum or mean: each would give away one department’s value. A DEPARTMENT token sees the quartiles only of a sector of at least 5 departments.',
    fields: (t) => ({
      sector: t.exposeString('sector', { description: 'The sector (领域).' }),
      departments: t.exposeInt('departments', {
        description:
          'Departments of the sector judged that year (with enough measures or series), the department itself included.',
      }),
      tooSmall: t.boolean({
        resolve: (d) => d.departments < MIN_PEER_GROUP,
        description: `Fewer than ${MIN_PEER_GROUP} departments: the quartiles say little about so few.`,
      }),
      p25: t.exposeFloat('p25', { nullable: true, description: 'First quartile.' }),
      median: t.exposeFloat('median', { nullable: true, description: 'Median.' }),
      p75: t.exposeFloat('p75', { nullable: true, description: 'Third quartile.' }),
    }),
  });

/**
 * A sector's distribution as the viewer may see it: whole for ADMIN and ANALYST; for a
 * DEPARTMENT token its count, and its quartiles only over MIN_PEER_GROUP departments or more,
 * where a quartile is no single peer's value (as anonymousDistribution does for a benchmark).
 */
export function sectorFor(viewer: Viewer, d: SectorDistribution): SectorDistribution {
  if (viewer.role !== 'DEPARTMENT' || d.departments >= MIN_PEER_GROUP) return d;
  return { ...d, p25: null, median: null, p75: null };
}

/** Whether the viewer may see a sector median over `departments` departments. */
export function sectorMedianFor(
  viewer: Viewer,
  median: number | null,
  departments: number,
): number | null {
  return viewer.role !== 'DEPARTMENT' || departments >= MIN_PEER_GROUP ? median : null;
}

/** A measure's value as a person reads it: a percentage for `%`, else the number and its unit. */
export function measureValueText(value: number | null, unit: string | null): string | null {
  if (value === null) return null;
  if (unit === '%') return formatFraction(value);
  return `${formatNumber(value, Number.isInteger(value) ? 0 : 2)}${unit ? ` ${unit}` : ''}`;
}
