/**
 * Benchmark: a box plot of one metric per peer group (Benchmark: min, p25, median, p75, max per
 * peer key), every department as a dot, the chosen department marked on its group's box. Groups
 * of fewer than 5 departments (`tooSmall`) are drawn dashed and named on screen.
 */
import { addMessage, chartElement, setDownloads, showMessages } from '../card.js';
import { COLORS, SYNTHETIC_OPACITY, clear, draw, shortName } from '../chart-base.js';
import { esc, metricTick, metricValue, pct } from '../format.js';
import { label, peerKeyLabel } from '../labels.js';

export const OPERATION = 'Benchmark';

function renderControls(card, ctx) {
  let select = card.controls.querySelector('.benchmark-metric');
  if (!select) {
    card.controls.innerHTML = `<select class="benchmark-metric" aria-label="指标"></select>`;
    select = card.controls.querySelector('.benchmark-metric');
    select.addEventListener('change', () => ctx.setMetric(select.value));
  }
  const options = ctx.metrics
    .map((m) => `<option value="${esc(m.name)}">${esc(m.label)}</option>`)
    .join('');
  if (select.dataset.options !== options) {
    select.innerHTML = options;
    select.dataset.options = options;
  }
  select.value = ctx.state.metric;
}

function option(benchmark, metric, ctx) {
  const unit = metric?.unit;
  const groups = benchmark.groups;
  const keys = groups.map((g) => g.peerKey);
  const names = new Map(groups.map((g) => [g.peerKey, peerKeyLabel(g.peerKey)]));
  const chosen = ctx.state.dept;
  const dot = (e) => ({
    value: [e.peerKey, e.value],
    code: e.department.code,
    name: e.department.name,
    synthetic: e.department.synthetic,
    rank: e.rank,
    percentile: e.percentile,
    outlier: e.outlier,
  });
  const entries = benchmark.entries.filter((e) => e.value != null);
  const others = entries.filter((e) => e.department.code !== chosen);
  const mine = entries.filter((e) => e.department.code === chosen);
  const format = (v) => metricValue(v, unit);
  return {
    legend: { top: 0, right: 0, itemWidth: 14, itemHeight: 10 },
    grid: { left: 8, right: 16, top: 30, bottom: 4, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter(p) {
        if (p.seriesType === 'boxplot') {
          const g = groups[p.dataIndex];
          return (
            `<b>${esc(names.get(g.peerKey))}</b>（${g.count} 个部门）${g.tooSmall ? '<br><b>样本过少：</b>少于 5 个部门，四分位数参考意义有限' : ''}<br>` +
            `最大值 ${format(g.max)}<br>上四分位 ${format(g.p75)}<br>中位数 ${format(g.median)}<br>下四分位 ${format(g.p25)}<br>最小值 ${format(g.min)}`
          );
        }
        const d = p.data;
        return (
          `<b>${esc(d.name)}</b>${d.synthetic ? '（合成数据）' : ''}<br>${esc(metric?.label ?? '')}：${format(d.value[1])}<br>` +
          `组内排名 ${d.rank ?? '—'}，百分位 ${pct(d.percentile, 0)}${d.outlier ? '，离群值' : ''}`
        );
      },
    },
    xAxis: {
      type: 'category',
      data: keys,
      jitter: 16,
      jitterOverlap: false,
      axisTick: { alignWithLabel: true },
      axisLabel: {
        interval: 0,
        hideOverlap: false,
        rotate: groups.length > 8 ? 30 : 0,
        formatter: (key) => {
          const g = groups.find((x) => x.peerKey === key);
          return g?.tooSmall ? `{small|${names.get(key)}*}` : names.get(key);
        },
        rich: { small: { color: '#b35c00' } },
      },
    },
    yAxis: {
      type: 'value',
      scale: true,
      name: unit === 'fraction' ? '%' : unit === 'points' ? '分' : unit,
      nameGap: 8,
      axisLabel: { formatter: (v) => metricTick(v, unit) },
      splitLine: { lineStyle: { color: '#eceff3' } },
    },
    series: [
      {
        name: '分布（箱线）',
        type: 'boxplot',
        boxWidth: [8, 30],
        itemStyle: { color: '#e8eef7', borderColor: COLORS.real },
        data: groups.map((g) => ({
          name: g.peerKey,
          // A department's token gets no extremes of its peers: the whiskers end at the box.
          value: [g.min ?? g.p25, g.p25, g.median, g.p75, g.max ?? g.p75],
          tooSmall: g.tooSmall,
          count: g.count,
          itemStyle: g.tooSmall
            ? { color: '#f6f6f6', borderColor: '#b0b0b0', borderType: 'dashed' }
            : undefined,
        })),
      },
      {
        name: '各部门',
        type: 'scatter',
        symbolSize: 6,
        itemStyle: { color: COLORS.real },
        data: others.map((e) => ({
          ...dot(e),
          itemStyle: e.department.synthetic
            ? { color: COLORS.synthetic, opacity: SYNTHETIC_OPACITY + 0.2 }
            : { color: COLORS.real },
        })),
      },
      {
        name: '所选部门',
        type: 'scatter',
        symbol: 'diamond',
        symbolSize: 16,
        z: 5,
        itemStyle: { color: COLORS.chosen, borderColor: '#fff', borderWidth: 1 },
        label: {
          show: true,
          position: 'right',
          formatter: (p) => shortName(p.data.name, 10),
          color: COLORS.chosen,
          fontWeight: 'bold',
        },
        data: mine.map(dot),
      },
    ],
  };
}

/** Asks for the benchmark of the chosen metric and year and draws it. */
export async function update(card, ctx) {
  renderControls(card, ctx);
  const metric = ctx.metrics.find((m) => m.name === ctx.state.metric);
  const variables = {
    metric: ctx.state.metric,
    year: ctx.state.year,
    peerGroup: ctx.state.peerGroup,
    departments: null,
    includeSynthetic: ctx.state.includeSynthetic,
  };
  setDownloads(card, OPERATION, variables);
  const answer = await ctx.run(OPERATION, variables);
  const benchmark = answer.data?.benchmark;
  const el = chartElement(card, 'benchmark');
  const empty =
    benchmark && benchmark.count > 0
      ? null
      : `${ctx.state.year} 年没有部门有「${metric?.label ?? ctx.state.metric}」的数值。`;
  if (!showMessages(card, answer, empty)) {
    card.caption.textContent = '';
    return clear(el);
  }
  const small = benchmark.groups.filter((g) => g.tooSmall);
  if (small.length)
    addMessage(
      card,
      `* 样本过少（少于 5 个部门，虚线箱，四分位数参考意义有限）：${small.map((g) => `${peerKeyLabel(g.peerKey)} ${g.count}`).join('、')}`,
    );
  if (benchmark.templates.length > 1)
    addMessage(
      card,
      `对比对象混合了两种报告模板（${benchmark.templates.map((t) => label('ReportTemplate', t)).join('、')}）：得分类指标不可直接比较。`,
      'notice',
    );
  const chart = draw(el, option(benchmark, metric, ctx));
  chart.on('click', (p) => {
    if (p.seriesType === 'scatter' && p.data?.code) ctx.select(p.data.code);
  });
  const mine = benchmark.entries.find((e) => e.department.code === ctx.state.dept);
  const group = mine && benchmark.groups.find((g) => g.peerKey === mine.peerKey);
  const synthetic = benchmark.syntheticCount
    ? `对比对象含合成部门 ${benchmark.syntheticCount} 个（共 ${benchmark.count} 个）。`
    : `对比对象均为真实部门（${benchmark.count} 个）。`;
  card.caption.textContent = mine
    ? `${mine.department.name}：${metric?.label ?? ''} ${metricValue(mine.value, metric?.unit)}，在${peerKeyLabel(mine.peerKey)}组 ${group?.count ?? '?'} 个部门中排第 ${mine.rank ?? '—'}（百分位 ${pct(mine.percentile, 0)}，${label('Direction', metric?.direction)}）。${synthetic}`
    : `所选部门本年无此指标的数值。${synthetic}`;
}
