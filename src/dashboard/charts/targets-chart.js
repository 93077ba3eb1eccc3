/**
 * Targets against actuals: each indicator measure as a point, target (x) against actual (y), both
 * on log scales, over the zones where the rules fire: RATIO (attainment ≥ 1.2: actual ≥ 1.2 ×
 * target when higher is better, ≤ target ÷ 1.2 when lower is better) and CEILING (a percentage
 * target ≤ 95 % met with 100 %; a lower-better target above 0 met with 0). A click on a point
 * opens its indicator and source.
 *
 * Data: the measures of LowTargetRisk for the chosen department's peer group (`lowTargetRisk(
 * peersOf) { measures { indicator measure rules ratchetFailure source } }`): every measurable
 * measure of the population, flagged or not.
 */
import { chartElement, setDownloads, showMessages } from '../card.js';
import { COLORS, SYNTHETIC_OPACITY, clear, draw, shortName } from '../chart-base.js';
import { esc, measureValue, ratio } from '../format.js';
import { label } from '../labels.js';
import { peerKeyOf, peersOf, riskVariables } from '../scope.js';

/** RATIO's default threshold (docs/domain.md, "Rules for targets set too low"). */
export const RATIO_THRESHOLD = 1.2;
/** CEILING: a percentage target at most this, met with 100 %. */
export const CEILING_TARGET = 0.95;

const local = { onlyChosen: false, rerender: () => {} };

/**
 * One point per measure of a list of OvershootIndicators findings (the department page's
 * list): findings of the same measure (RATIO and CHRONIC, …) merged.
 */
export function fromOvershoots(list) {
  const points = new Map();
  for (const f of list) {
    const m = f.measure;
    const key = [
      f.department.code,
      f.year,
      f.indicator.seq,
      m.comparator,
      m.target,
      m.actual,
      m.unit,
    ].join('|');
    const point = points.get(key);
    if (point) {
      if (!point.rules.includes(f.rule)) point.rules.push(f.rule);
      continue;
    }
    points.set(key, {
      department: f.department,
      year: f.year,
      indicator: f.indicator,
      measure: m,
      attainment: f.attainment ?? m.attainment ?? null,
      rules: [f.rule],
      ratchetFailure: m.ratchetFailure ?? null,
      source: f.source ?? null,
    });
  }
  return [...points.values()];
}

/** One point per measure of LowTargetRisk's entries. */
export function fromRiskMeasures(list, year) {
  return list.flatMap((entry) =>
    (entry.measures ?? []).map((m) => ({
      department: entry.department,
      year: entry.year ?? year,
      peerKey: entry.peerKey,
      indicator: m.indicator,
      measure: m.measure,
      attainment: m.measure?.attainment ?? null,
      rules: [...new Set([...(m.rules ?? []), ...(m.measure?.flags ?? [])])],
      ratchetFailure: m.ratchetFailure ?? m.measure?.ratchetFailure ?? null,
      source: m.source ?? null,
    })),
  );
}

function category(point) {
  const ratioRule = point.rules.includes('RATIO');
  const ceiling = point.rules.includes('CEILING');
  if (ratioRule && ceiling) return 'both';
  if (ratioRule) return 'ratio';
  if (ceiling) return 'ceiling';
  if (point.ratchetFailure) return 'ratchet';
  return 'other';
}

const SERIES = [
  ['ratio', 'RATIO 超目标', COLORS.ratio],
  ['ceiling', 'CEILING 触顶', COLORS.ceiling],
  ['both', 'RATIO 且 CEILING', COLORS.both],
  ['ratchet', '目标未提高', COLORS.ratchet],
  ['other', '未触发', COLORS.other],
];

/** The common log range of both axes: whole powers of ten around every value. */
function logRange(points) {
  const values = points
    .flatMap((p) => [p.measure.target, p.measure.actual])
    .filter((v) => typeof v === 'number' && v > 0);
  if (!values.length) return [0.1, 10];
  const lo = 10 ** Math.floor(Math.log10(Math.min(...values)) - 0.15);
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...values)) + 0.15);
  return [lo, hi];
}

/** The shaded zones, drawn in data coordinates (a custom series under the points). */
function zones(lo, hi) {
  const r = RATIO_THRESHOLD;
  const floorTop = lo * 1.45;
  return {
    name: '规则区域',
    type: 'custom',
    silent: true,
    clip: true,
    z: 1,
    data: [[lo, lo]],
    tooltip: { show: false },
    renderItem(params, api) {
      const at = (x, y) => api.coord([x, y]);
      const polygon = (points, fill) => ({
        type: 'polygon',
        shape: { points: points.map(([x, y]) => at(x, y)) },
        style: { fill },
        silent: true,
      });
      const text = (x, y, content, color, align = 'left', verticalAlign = 'top') => {
        const [px, py] = at(x, y);
        return {
          type: 'text',
          x: px,
          y: py,
          silent: true,
          style: { text: content, fill: color, fontSize: 11, align, verticalAlign },
        };
      };
      const pixelText = ([px, py], dx, dy, content, color) => ({
        type: 'text',
        x: px + dx,
        y: py + dy,
        silent: true,
        style: {
          text: content,
          fill: color,
          fontSize: 11,
          align: 'right',
          verticalAlign: 'bottom',
        },
      });
      const children = [
        // Higher-better RATIO: actual ≥ 1.2 × target.
        polygon(
          [
            [lo, lo * r],
            [hi / r, hi],
            [lo, hi],
          ],
          'rgba(232,113,10,0.13)',
        ),
        // Lower-better RATIO: actual ≤ target ÷ 1.2.
        polygon(
          [
            [lo * r, lo],
            [hi, hi / r],
            [hi, lo],
          ],
          'rgba(59,111,182,0.06)',
        ),
        // Lower-better CEILING: a target above 0 met with 0 (drawn on the floor band).
        polygon(
          [
            [lo, lo],
            [hi, lo],
            [hi, floorTop],
            [lo, floorTop],
          ],
          'rgba(198,40,40,0.10)',
        ),
        {
          type: 'line',
          shape: { x1: at(lo, lo)[0], y1: at(lo, lo)[1], x2: at(hi, hi)[0], y2: at(hi, hi)[1] },
          style: { stroke: '#8795a1', lineDash: [4, 4], lineWidth: 1 },
          silent: true,
        },
        text(lo * 1.3, hi / 1.3, '超目标区：实际 ≥ 1.2 × 目标（越高越好）', '#b35300'),
        pixelText(at(hi, lo), -6, -24, '超目标区：实际 ≤ 目标 ÷ 1.2（越低越好）', '#2c5a94'),
        pixelText(at(hi, lo), -6, -4, '触顶：越低越好的目标，实际为 0', '#a01f1f'),
      ];
      // Percentage CEILING: target ≤ 95 % met with 100 %.
      if (lo < CEILING_TARGET)
        children.push(
          polygon(
            [
              [lo, 1 / 1.12],
              [CEILING_TARGET, 1 / 1.12],
              [CEILING_TARGET, 1.12],
              [lo, 1.12],
            ],
            'rgba(198,40,40,0.22)',
          ),
          text(lo * 1.3, 1.13, '触顶区：目标 ≤ 95%，实际 100%', '#a01f1f', 'left', 'bottom'),
        );
      return { type: 'group', children };
    },
  };
}

function option(points, ctx, [lo, hi]) {
  const chosen = ctx.state.dept;
  const floor = lo * 1.2;
  const colors = Object.fromEntries(SERIES.map(([key, , color]) => [key, color]));
  const item = (p, index) => {
    const mine = p.department.code === chosen;
    const zero = p.measure.actual === 0;
    return {
      value: [p.measure.target, zero ? floor : p.measure.actual],
      index,
      code: p.department.code,
      name: p.indicator.name,
      symbol: zero ? 'triangle' : p.measure.direction === 'LOWER_BETTER' ? 'diamond' : 'circle',
      symbolSize: mine ? 13 : 8,
      itemStyle: {
        color: colors[category(p)],
        opacity: p.department.synthetic && !mine ? SYNTHETIC_OPACITY : 0.95,
        borderColor: mine ? '#111' : 'rgba(255,255,255,0.8)',
        borderWidth: mine ? 1.6 : 0.5,
      },
    };
  };
  const indexed = points.map((p, index) => ({ p, index }));
  const series = SERIES.map(([key, name, color]) => ({
    name,
    type: 'scatter',
    z: 3,
    itemStyle: { color },
    data: indexed
      .filter(({ p }) => category(p) === key && p.department.code !== chosen)
      .map(({ p, index }) => item(p, index)),
  })).filter((s) => s.data.length);
  // The chosen department's measures on top of the others, each in its rule's colour.
  series.push({
    name: '所选部门',
    type: 'scatter',
    z: 4,
    itemStyle: { color: '#fff', borderColor: '#111', borderWidth: 1.6 },
    data: indexed
      .filter(({ p }) => p.department.code === chosen)
      .map(({ p, index }) => item(p, index)),
  });
  const axis = (name, gap) => ({
    type: 'log',
    min: lo,
    max: hi,
    name,
    nameGap: gap,
    nameLocation: 'middle',
    axisLabel: { formatter: (v) => (v >= 10000 ? `${v / 10000}万` : String(v)) },
    splitLine: { lineStyle: { color: '#eceff3' } },
  });
  return {
    legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 10, data: series.map((s) => s.name) },
    grid: { left: 26, right: 24, top: 30, bottom: 22, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter(param) {
        const p = points[param.data?.index];
        if (!p) return '';
        const unit = p.measure.unit;
        return (
          `<b>${esc(p.indicator.name)}</b><br>${esc(shortName(p.department.name, 24))}${p.department.synthetic ? '（合成数据）' : ''}，${p.year} 年<br>` +
          `目标 ${measureValue(p.measure.target, unit)}，实际 ${measureValue(p.measure.actual, unit)}（${label('Direction', p.measure.direction)}）<br>` +
          `完成比 ${ratio(p.attainment)}；${p.rules.map((r) => label('OvershootRule', r)).join('、') || '未触发规则'}<br><i>点击查看指标与出处</i>`
        );
      },
    },
    xAxis: axis('目标值（对数）', 22),
    yAxis: axis('实际值（对数）', 40),
    series: [zones(lo, hi), ...series],
  };
}

function renderControls(card) {
  if (card.controls.childElementCount) return;
  card.controls.innerHTML = `<label class="check"><input type="checkbox" class="only-chosen"> 只看所选部门</label>`;
  const box = card.controls.querySelector('.only-chosen');
  box.checked = local.onlyChosen;
  box.addEventListener('change', () => {
    local.onlyChosen = box.checked;
    local.rerender();
  });
}

/** Asks for the measures of the chosen population and year and draws them. */
export async function update(card, ctx) {
  renderControls(card);
  const peers = peersOf(ctx.departments, ctx.state);
  const codes = new Set(peers.map((d) => d.code));
  const operation = 'LowTargetRisk';
  const variables = riskVariables(ctx);
  const answer = await ctx.run(operation, variables);
  const key = peerKeyOf(ctx.departments.get(ctx.state.dept), ctx.state.peerGroup);
  const entries = (answer.data?.lowTargetRisk ?? []).filter(
    (e) => codes.has(e.department.code) && (key === 'ALL' || e.peerKey === key || !e.peerKey),
  );
  const points = fromRiskMeasures(entries, ctx.state.year);
  setDownloads(card, operation, variables);
  const el = chartElement(card, 'targets');
  const drawable = points.filter(
    (p) =>
      typeof p.measure.target === 'number' &&
      p.measure.target > 0 &&
      typeof p.measure.actual === 'number' &&
      p.measure.actual >= 0,
  );
  const empty = drawable.length ? null : `${ctx.state.year} 年所选范围内没有可计量的指标度量。`;
  if (!showMessages(card, answer, empty)) {
    local.rerender = () => {};
    card.caption.textContent = '';
    return clear(el);
  }
  local.rerender = () => {
    const shown = local.onlyChosen
      ? drawable.filter((p) => p.department.code === ctx.state.dept)
      : drawable;
    const range = logRange(shown.length ? shown : drawable);
    const chart = draw(el, option(shown, ctx, range));
    chart.on('click', (param) => {
      const p = shown[param.data?.index];
      if (param.seriesType === 'scatter' && p) ctx.openIndicator(p);
    });
    const mine = drawable.filter((p) => p.department.code === ctx.state.dept).length;
    card.caption.textContent =
      `${shown.length} 个度量（所选部门 ${mine} 个），对数坐标；圆点越高越好，菱形越低越好，三角为实际值 0。` +
      '点击一点查看指标与出处。';
  };
  local.rerender();
}
