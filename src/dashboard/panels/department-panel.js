/**
 * The department page's findings: what it admits about low targets against what the rules find
 * (LowTargetRisk), its overshooting indicators (OvershootIndicators), targets not raised after
 * being beaten (TargetRatchet) and its reconciliation findings (DataQuality), all years.
 */
import { renderTable, setDownloads, showMessages } from '../card.js';
import { esc, measureValue, num, pct, ratio } from '../format.js';
import { label, labels, peerKeyLabel } from '../labels.js';
import { fromOvershoots } from '../charts/targets-chart.js';
import { riskVariables } from '../scope.js';

function yearRange(ctx) {
  const years = [...(ctx.departments.get(ctx.state.dept)?.years ?? [])].sort((a, b) => a - b);
  return { fromYear: years[0] ?? null, toYear: years.at(-1) ?? null };
}

/** 目标偏低：承认与发现 — the chosen department's entry of LowTargetRisk for the year. */
export async function updateRisk(card, ctx) {
  const variables = riskVariables(ctx);
  setDownloads(card, 'LowTargetRisk', variables);
  const answer = await ctx.run('LowTargetRisk', variables);
  const list = answer.data?.lowTargetRisk ?? [];
  const entry = list.find((e) => e.department.code === ctx.state.dept);
  const empty = entry ? null : `该部门 ${ctx.state.year} 年没有报告，或报告中没有可判断的指标。`;
  if (!showMessages(card, answer, empty)) {
    card.body.innerHTML = '';
    card.caption.textContent = '';
    return;
  }
  card.body.innerHTML = `
    <p class="admission admission-${esc(entry.admission)}">${esc(label('Admission', entry.admission))}</p>
    <dl class="facts compact">
      <dt>报告是否承认</dt><dd class="admitted">${entry.admitted ? '是：存在的主要问题中承认目标偏低' : '否'}</dd>
      <dt>风险分</dt><dd>${esc(pct(entry.riskScore, 1))}（${esc(entry.overshooting + entry.ceilingHits)} 项发现 / ${esc(entry.measurable)} 个可计量度量）</dd>
      <dt>超目标（RATIO）</dt><dd>${esc(entry.overshooting)}</dd>
      <dt>触顶（CEILING）</dt><dd>${esc(entry.ceilingHits)}</dd>
      <dt>目标未提高</dt><dd>${esc(entry.ratchetFailures)}</dd>
      <dt>同类组排名</dt><dd>${esc(peerKeyLabel(entry.peerKey))}组 ${esc(entry.peerCount)} 个部门中第 ${esc(entry.rank)}（1 = 风险最高）</dd>
    </dl>
    ${entry.tooFew ? '<p class="msg warn">可计量度量少于 5 个：风险分所依据的度量过少，不宜与其他部门比较。</p>' : ''}`;
  card.caption.textContent = '';
}

/** 超目标指标 — every year of the department. */
export async function updateOvershoots(card, ctx) {
  const variables = {
    ...yearRange(ctx),
    departments: [ctx.state.dept],
    minAttainment: null,
    first: 1000,
  };
  setDownloads(card, 'OvershootIndicators', variables);
  const answer = await ctx.run('OvershootIndicators', variables);
  const points = fromOvershoots(answer.data?.overshootIndicators ?? []).sort(
    (a, b) => b.year - a.year || a.indicator.seq - b.indicator.seq,
  );
  showMessages(card, answer, null);
  renderTable(
    card.body,
    [
      { title: '年度', cell: (p) => esc(p.year) },
      { title: '序号', cell: (p) => esc(p.indicator.seq), className: 'num' },
      { title: '指标', cell: (p) => esc(p.indicator.name), className: 'name' },
      {
        title: '目标',
        cell: (p) => esc(measureValue(p.measure.target, p.measure.unit)),
        className: 'num',
      },
      {
        title: '实际',
        cell: (p) => esc(measureValue(p.measure.actual, p.measure.unit)),
        className: 'num',
      },
      { title: '完成比', cell: (p) => esc(ratio(p.attainment)), className: 'num' },
      { title: '规则', cell: (p) => esc(labels('OvershootRule', p.rules)) },
      {
        title: '出处',
        cell: (p) =>
          p.source ? `第 ${esc(p.source.page ?? '?')} 页 第 ${esc(p.source.line)} 行` : '—',
      },
    ],
    points,
    {
      onClick: (p) => ctx.openIndicator(p),
      empty: answer.notices.length ? null : '没有指标触发 RATIO、CEILING 或 CHRONIC。',
    },
  );
  card.caption.textContent = points.length
    ? `${points.length} 个度量；点击一行查看指标与出处。`
    : '';
}

/** 目标未提高 — targets below last year's actual. */
export async function updateRatchets(card, ctx) {
  const variables = { ...yearRange(ctx), departments: [ctx.state.dept] };
  setDownloads(card, 'TargetRatchet', variables);
  const answer = await ctx.run('TargetRatchet', variables);
  const list = answer.data?.targetRatchet ?? [];
  const single = yearRange(ctx).fromYear === yearRange(ctx).toYear;
  showMessages(card, answer, null);
  renderTable(
    card.body,
    [
      { title: '年度', cell: (r) => esc(r.year) },
      { title: '指标', cell: (r) => esc(r.indicator.name), className: 'name' },
      {
        title: '上年实际',
        cell: (r) => esc(measureValue(r.previousActual, r.measure.unit)),
        className: 'num',
      },
      {
        title: '本年目标',
        cell: (r) => esc(measureValue(r.target, r.measure.unit)),
        className: 'num',
      },
      { title: '方向', cell: (r) => esc(label('Direction', r.measure.direction)) },
      { title: '匹配依据', cell: (r) => esc(r.matchedBy) },
    ],
    list,
    {
      empty: answer.notices.length
        ? null
        : single
          ? '只有一年的报告：没有上年可比，无法判断目标是否提高。'
          : '没有目标低于上年实际的指标。',
    },
  );
  card.caption.textContent = '';
}

/** 数据质量 — reconciliation findings of every year. */
export async function updateQuality(card, ctx) {
  const variables = { year: null, departments: [ctx.state.dept], minSeverity: 'INFO' };
  setDownloads(card, 'DataQuality', variables);
  const answer = await ctx.run('DataQuality', variables);
  const list = answer.data?.dataQuality ?? [];
  showMessages(card, answer, null);
  renderTable(
    card.body,
    [
      { title: '年度', cell: (r) => esc(r.year) },
      {
        title: '程度',
        cell: (r) =>
          `<span class="severity severity-${esc(r.severity)}">${esc(label('Severity', r.severity))}</span>`,
      },
      { title: '检查', cell: (r) => `<code>${esc(r.check)}</code>` },
      { title: '说明', cell: (r) => esc(r.message), className: 'name' },
      { title: '报告所列', cell: (r) => esc(num(r.expected)), className: 'num' },
      { title: '分项合计', cell: (r) => esc(num(r.actual)), className: 'num' },
    ],
    list,
    { empty: answer.notices.length ? null : '报告内部数字全部核对一致。' },
  );
  const errors = list.filter((r) => r.severity === 'ERROR').length;
  card.caption.textContent = list.length
    ? `${list.length} 条（错误 ${errors} 条）；舍入差异为提示，不影响数据使用。`
    : '';
}
