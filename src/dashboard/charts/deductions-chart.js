/**
 * Deduction trends: points lost (扣分) per item over the years (DeductionTrends), one line per
 * item with its trend (改善 / 恶化 / 持平); the biggest losers are shown, the rest can be switched
 * on in the legend. The chosen year is marked.
 */
import { chartElement, setDownloads, showMessages } from '../card.js';
import { clear, draw } from '../chart-base.js';
import { esc, num } from '../format.js';
import { label } from '../labels.js';
import { isPeer } from '../scope.js';

export const OPERATION = 'DeductionTrends';

/** Lines shown at first; the others stay in the legend, switched off. */
const SHOWN = 6;

const local = { by: 'INDICATOR' };

function renderControls(card, ctx) {
  if (card.controls.childElementCount) return;
  card.controls.innerHTML = `<select class="deduction-by" aria-label="分组">
    ${['INDICATOR', 'LEVEL2', 'DEPARTMENT']
      .map((v) => `<option value="${v}">${label('DeductionDimension', v)}</option>`)
      .join('')}</select>`;
  const select = card.controls.querySelector('.deduction-by');
  select.value = local.by;
  select.addEventListener('change', () => {
    local.by = select.value;
    void ctx.refreshCard('deductions');
  });
}

function option(trends, ctx) {
  const years = [...new Set(trends.flatMap((t) => t.points.map((p) => p.year)))].sort(
    (a, b) => a - b,
  );
  const total = (t) => t.points.reduce((s, p) => s + p.pointsLost, 0);
  const sorted = [...trends].sort((a, b) => total(b) - total(a));
  const name = (t) => `${t.label}（${label('Trend', t.trend)}）`;
  const selected = Object.fromEntries(sorted.map((t, i) => [name(t), i < SHOWN]));
  const byName = new Map(sorted.map((t) => [name(t), t]));
  return {
    legend: {
      type: 'scroll',
      orient: 'vertical',
      right: 0,
      top: 0,
      bottom: 0,
      width: 190,
      itemWidth: 14,
      itemHeight: 8,
      selected,
      formatter: (n) => (n.length > 16 ? `${n.slice(0, 15)}…` : n),
      tooltip: { show: true },
    },
    grid: { left: 8, right: 206, top: 24, bottom: 4, containLabel: true },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter(params) {
        const year = params[0]?.axisValue;
        const lines = params
          .filter((p) => p.value != null)
          .sort((a, b) => b.value - a.value)
          .map((p) => {
            const t = byName.get(p.seriesName);
            const point = t?.points.find((x) => String(x.year) === String(year));
            const synthetic = point?.syntheticDepartments
              ? `，其中合成 ${point.syntheticDepartments} 个`
              : '';
            return `${p.marker}${esc(t?.label ?? p.seriesName)}：扣 ${num(p.value)} 分（${point?.departments ?? 0} 个部门${synthetic}）`;
          });
        return `<b>${esc(year)} 年</b><br>${lines.join('<br>')}`;
      },
    },
    xAxis: { type: 'category', data: years.map(String), boundaryGap: years.length < 2 },
    yAxis: {
      type: 'value',
      name: '扣分（分）',
      nameGap: 8,
      splitLine: { lineStyle: { color: '#eceff3' } },
    },
    series: sorted.map((t, i) => ({
      name: name(t),
      type: 'line',
      key: t.key,
      symbolSize: 6,
      showSymbol: true,
      lineStyle: {
        width: 2,
        type: t.trend === 'WORSENING' ? 'solid' : t.trend === 'IMPROVING' ? 'dashed' : 'solid',
      },
      data: years.map((y) => t.points.find((p) => p.year === y)?.pointsLost ?? null),
      markLine:
        i === 0 && years.length > 1 && years.includes(ctx.state.year)
          ? {
              silent: true,
              symbol: 'none',
              label: { formatter: '所选年度', position: 'insideEndTop', color: '#555' },
              lineStyle: { color: '#999', type: 'dotted' },
              data: [{ xAxis: String(ctx.state.year) }],
            }
          : undefined,
    })),
  };
}

/** Asks for the trends of the peer group over all years and draws them. */
export async function update(card, ctx) {
  renderControls(card, ctx);
  const chosen = ctx.departments.get(ctx.state.dept);
  const all = [...ctx.departments.values()].filter((d) => d.years.size > 0);
  const peers = all.filter(
    (d) => (ctx.state.includeSynthetic || !d.synthetic) && isPeer(d, chosen, ctx.state.peerGroup),
  );
  const variables = {
    fromYear: null,
    toYear: null,
    by: local.by,
    departments:
      ctx.state.peerGroup === 'ALL' || peers.length > 500 ? null : peers.map((d) => d.code),
    includeSynthetic: ctx.state.includeSynthetic,
  };
  setDownloads(card, OPERATION, variables);
  const answer = await ctx.run(OPERATION, variables);
  const trends = answer.data?.deductionTrends ?? [];
  const el = chartElement(card, 'deductions');
  const empty = trends.length ? null : '所选范围内的报告没有扣分。';
  if (!showMessages(card, answer, empty)) {
    card.caption.textContent = '';
    return clear(el);
  }
  draw(el, option(trends, ctx));
  const worsening = trends.filter((t) => t.trend === 'WORSENING').length;
  const improving = trends.filter((t) => t.trend === 'IMPROVING').length;
  card.caption.textContent = `${trends.length} 项（${label('DeductionDimension', local.by)}），改善 ${improving} 项、恶化 ${worsening} 项；默认显示扣分最多的 ${Math.min(SHOWN, trends.length)} 项，图例可切换。虚线为改善。`;
}
