/**
 * A department's metric over the years (MetricSeries): one small line chart per metric, gaps
 * left as gaps, the chosen year marked, compound growth in the caption.
 */
import { chartElement, setDownloads, showMessages } from '../card.js';
import { COLORS, clear, draw } from '../chart-base.js';
import { metricTick, metricValue, pct } from '../format.js';

export const OPERATION = 'MetricSeries';

/** The metrics of the department page. */
export const DEPARTMENT_METRICS = [
  'TOTAL_EXPENDITURE',
  'PROJECT_SHARE',
  'EXECUTION_RATE',
  'SELF_SCORE',
  'OVERSHOOT_SHARE',
];

function option(series, metric, ctx) {
  const points = series.points;
  const unit = metric?.unit;
  const synthetic = series.department.synthetic;
  return {
    grid: { left: 8, right: 14, top: 18, bottom: 4, containLabel: true },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter(params) {
        const p = points[params[0]?.dataIndex];
        if (!p) return '';
        const change =
          p.change == null
            ? ''
            : `<br>同比 ${unit === 'fraction' ? `${p.change > 0 ? '+' : ''}${(p.change * 100).toFixed(2)} 个百分点` : metricValue(p.change, unit)}`;
        return `${p.year} 年：${p.value == null ? '无报告' : metricValue(p.value, unit)}${change}`;
      },
    },
    xAxis: {
      type: 'category',
      data: points.map((p) => String(p.year)),
      boundaryGap: points.length < 3,
    },
    yAxis: {
      type: 'value',
      scale: true,
      axisLabel: { formatter: (v) => metricTick(v, unit) },
      splitLine: { lineStyle: { color: '#eceff3' } },
    },
    series: [
      {
        name: metric?.label ?? series.metric,
        type: 'line',
        connectNulls: false,
        symbolSize: 7,
        showSymbol: true,
        itemStyle: { color: synthetic ? COLORS.synthetic : COLORS.real },
        lineStyle: { type: synthetic ? 'dashed' : 'solid' },
        label: { show: points.length <= 2, formatter: (p) => metricTick(p.value, unit) },
        data: points.map((p) => p.value),
        markPoint: points.some((p) => p.year === ctx.state.year && p.value != null)
          ? {
              symbol: 'circle',
              symbolSize: 11,
              itemStyle: { color: COLORS.chosen },
              label: { show: false },
              data: [
                {
                  coord: [
                    String(ctx.state.year),
                    points.find((p) => p.year === ctx.state.year).value,
                  ],
                },
              ],
            }
          : undefined,
      },
    ],
  };
}

/** Asks for one metric of the chosen department over all its years and draws it. */
export async function update(card, ctx, metricName) {
  const metric = ctx.metrics.find((m) => m.name === metricName);
  const variables = {
    metric: metricName,
    departments: [ctx.state.dept],
    fromYear: null,
    toYear: null,
  };
  setDownloads(card, OPERATION, variables);
  const answer = await ctx.run(OPERATION, variables);
  const series = answer.data?.metricSeries?.[0];
  const el = chartElement(card, `series-${metricName}`);
  const empty =
    series && series.points.some((p) => p.value != null)
      ? null
      : `该部门没有「${metric?.label ?? metricName}」的数值（无报告，或报告未给出所需数字）。`;
  if (!showMessages(card, answer, empty)) {
    card.caption.textContent = '';
    return clear(el);
  }
  draw(el, option(series, metric, ctx));
  const years = series.points.filter((p) => p.value != null).map((p) => p.year);
  card.caption.textContent =
    years.length > 1
      ? `${years[0]}–${years.at(-1)} 年${series.cagr == null ? '' : `，年均复合增长 ${pct(series.cagr, 1)}`}`
      : `仅 ${years[0]} 年有数值`;
}
