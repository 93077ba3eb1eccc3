/**
 * The dashboard: pickers (year, peer group, real or also synthetic data, department), four
 * charts across departments and the chosen department's page. Every number comes from the named
 * GraphQL operations of schema/operations/ (api.js); each chart is its own module under charts/.
 */
import { loadOperations, memoRunner, run } from './api.js';
import { createCard } from './card.js';
import * as benchmarkChart from './charts/benchmark-chart.js';
import * as deductionsChart from './charts/deductions-chart.js';
import * as seriesChart from './charts/series-chart.js';
import * as structureChart from './charts/structure-chart.js';
import * as targetsChart from './charts/targets-chart.js';
import { esc } from './format.js';
import { label, mergeLabels } from './labels.js';
import * as findings from './panels/department-panel.js';
import { closeIndicator, openIndicator } from './panels/indicator-panel.js';
import * as profile from './panels/profile-panel.js';
import {
  DEFAULT_DEPARTMENT,
  DEFAULT_METRIC,
  PEER_GROUPS,
  loadDepartments,
  parseHash,
  peersOf,
  toHash,
  yearsOf,
} from './scope.js';

const state = {
  dept: DEFAULT_DEPARTMENT,
  year: undefined,
  peerGroup: 'SECTOR',
  includeSynthetic: true,
  metric: DEFAULT_METRIC,
};

const ctx = {
  state,
  departments: new Map(),
  metrics: [],
  run: memoRunner(),
  select,
  setMetric,
  refreshCard,
  openIndicator: (point) => openIndicator(point, { onDepartment: select }),
};

/** The cards, by name: `{ card, update(card, ctx) }`. */
const cards = new Map();
let generation = 0;

const $ = (id) => document.getElementById(id);

function addCard(parent, id, title, update, className) {
  cards.set(id, { card: createCard(parent, { id, title, className }), update });
}

function buildCards() {
  const grid = $('charts');
  addCard(grid, 'structure', '支出结构：人员经费 · 公用经费 · 项目支出', structureChart.update);
  addCard(grid, 'benchmark', '同类对标：按同类组的分布', benchmarkChart.update);
  addCard(grid, 'targets', '指标目标与实际：目标是否偏低', targetsChart.update);
  addCard(grid, 'deductions', '扣分趋势：哪些事项年年扣分', deductionsChart.update);
  const series = $('dept-series');
  for (const metric of seriesChart.DEPARTMENT_METRICS)
    addCard(
      series,
      `series-${metric}`,
      metric,
      (card, c) => seriesChart.update(card, c, metric),
      'mini',
    );
  const more = $('dept-findings');
  addCard(more, 'risk', '目标偏低：报告承认与规则发现', findings.updateRisk, 'risk');
  addCard(more, 'profile', '目标设定画像：四项信号与同领域排名', profile.update, 'wide');
  addCard(more, 'overshoots', '超目标指标（历年）', findings.updateOvershoots, 'wide');
  addCard(more, 'ratchets', '目标未提高（历年）', findings.updateRatchets, 'wide');
  addCard(more, 'quality', '数据质量：报告内部核对（历年）', findings.updateQuality, 'wide');
}

/** A department code the pickers allow, preferring the asked one, then the real gz-zfw. */
function allowedDepartment(code) {
  const ok = (d) => d && d.years.size > 0 && (state.includeSynthetic || !d.synthetic);
  const all = [...ctx.departments.values()];
  for (const candidate of [code, DEFAULT_DEPARTMENT])
    if (ok(ctx.departments.get(candidate))) return candidate;
  return (all.find((d) => ok(d) && !d.synthetic) ?? all.find(ok) ?? all[0])?.code;
}

/** Applies a hash's state over the current one and makes it consistent with the data. */
function normalise(asked) {
  if (asked.includeSynthetic !== undefined) state.includeSynthetic = asked.includeSynthetic;
  if (asked.peerGroup) state.peerGroup = asked.peerGroup;
  if (asked.metric) state.metric = asked.metric;
  state.dept = allowedDepartment(asked.dept ?? state.dept);
  const years = yearsOf(ctx.departments, state.includeSynthetic);
  const own = [...(ctx.departments.get(state.dept)?.years ?? [])].sort((a, b) => a - b);
  const year = asked.year ?? state.year;
  state.year = years.includes(year) ? year : (own.at(-1) ?? years.at(-1));
}

function renderPickers() {
  const years = yearsOf(ctx.departments, state.includeSynthetic);
  $('pick-year').innerHTML = years.map((y) => `<option value="${y}">${y} 年度</option>`).join('');
  $('pick-year').value = String(state.year);

  const chosen = ctx.departments.get(state.dept);
  const peerNames = {
    SECTOR: `同领域（${chosen?.sector ?? '未分类'}）`,
    LEVEL: `同级别（${label('DepartmentLevel', chosen?.level)}）`,
    ALL: '全部部门',
  };
  $('pick-peer').innerHTML = PEER_GROUPS.map(
    (g) => `<option value="${g}">${esc(peerNames[g])}</option>`,
  ).join('');
  $('pick-peer').value = state.peerGroup;
  $('pick-synthetic').value = state.includeSynthetic ? '1' : '0';

  const list = [...ctx.departments.values()]
    .filter((d) => d.years.size > 0 && (state.includeSynthetic || !d.synthetic))
    .sort(
      (a, b) =>
        (a.sector ?? '').localeCompare(b.sector ?? '', 'zh') || a.code.localeCompare(b.code),
    );
  const option = (d) =>
    `<option value="${esc(d.code)}">${esc(d.name)}（${esc(d.sector ?? '—')}）${d.years.has(state.year) ? '' : ' · 本年无报告'}</option>`;
  const real = list.filter((d) => !d.synthetic);
  const synthetic = list.filter((d) => d.synthetic);
  $('pick-dept').innerHTML =
    `<optgroup label="真实部门">${real.map(option).join('')}</optgroup>` +
    (synthetic.length
      ? `<optgroup label="合成数据（虚构的示例市，非真实部门）">${synthetic.map(option).join('')}</optgroup>`
      : '');
  $('pick-dept').value = state.dept;

  const peers = peersOf(ctx.departments, state);
  const syntheticPeers = peers.filter((d) => d.synthetic).length;
  $('scope-badges').innerHTML =
    syntheticPeers > 0
      ? `<span class="badge synthetic" title="示例市的部门与报告由程序生成，非真实数据">含合成数据 ${syntheticPeers}/${peers.length} 个部门</span>`
      : `<span class="badge real">仅真实数据 · ${peers.length} 个部门</span>`;
}

function renderDepartmentHeader() {
  const d = ctx.departments.get(state.dept);
  if (!d) return;
  const years = [...d.years].sort((a, b) => a - b);
  $('dept-title').innerHTML =
    `${d.synthetic ? '<span class="badge synthetic">合成数据</span> ' : '<span class="badge real">真实部门</span> '}${esc(d.name)}`;
  $('dept-meta').innerHTML = [
    `编码 <code>${esc(d.code)}</code>`,
    `领域 ${esc(d.sector ?? '—')}`,
    `${esc(label('DepartmentLevel', d.level))}`,
    years.length
      ? `报告年度 ${years[0]}${years.length > 1 ? `–${years.at(-1)}` : ''}（${years.length} 份）`
      : '无报告',
    d.years.has(state.year) ? '' : `<span class="msg-inline">${state.year} 年无报告</span>`,
    `<a href="${esc(toHash(state))}" class="permalink">本页链接</a>`,
  ]
    .filter(Boolean)
    .join(' · ');
  document.title = `${d.name} · 部门整体支出绩效看板`;
}

async function updateCard(name) {
  const entry = cards.get(name);
  entry.card.section.classList.add('loading');
  try {
    await entry.update(entry.card, ctx);
  } catch (error) {
    console.error(error);
    entry.card.messages.innerHTML = `<p class="msg error">显示出错：${esc(error.message)}</p>`;
  } finally {
    entry.card.section.classList.remove('loading');
  }
}

/** A runner of this refresh only: answers of a superseded refresh never arrive. */
function runnerOf(current) {
  const memo = memoRunner();
  return (name, variables) =>
    memo(name, variables).then((answer) =>
      current === generation ? answer : new Promise(() => {}),
    );
}

async function refresh() {
  const current = ++generation;
  document.body.dataset.state = 'loading';
  ctx.run = runnerOf(current);
  history.replaceState(null, '', toHash(state));
  renderPickers();
  renderDepartmentHeader();
  // The metric registry comes with MetricSeries (its `metrics` list gives the labels).
  const first = seriesChart.DEPARTMENT_METRICS[0];
  const answer = await ctx.run('MetricSeries', {
    metric: first,
    departments: [state.dept],
    fromYear: null,
    toYear: null,
  });
  if (answer.data?.metrics) ctx.metrics = answer.data.metrics;
  for (const metric of seriesChart.DEPARTMENT_METRICS) {
    const h2 = cards.get(`series-${metric}`).card.section.querySelector('h2');
    const info = ctx.metrics.find((m) => m.name === metric);
    h2.textContent = info ? `${info.label}${info.unit === '万元' ? '（万元）' : ''}` : metric;
  }
  if (!ctx.metrics.some((m) => m.name === state.metric)) state.metric = DEFAULT_METRIC;
  await Promise.all([...cards.keys()].map(updateCard));
  if (current === generation) {
    document.body.dataset.state = 'ready';
    document.body.dataset.generation = String(current);
  }
}

async function refreshCard(name) {
  const current = generation;
  document.body.dataset.state = 'loading';
  await updateCard(name);
  if (current === generation) document.body.dataset.state = 'ready';
}

/** Chooses a department (a click on a bar, a dot, a link): its latest year if this one has none. */
function select(code) {
  if (!ctx.departments.has(code)) return;
  state.dept = code;
  normalise({});
  const own = ctx.departments.get(state.dept)?.years ?? new Set();
  if (own.size && !own.has(state.year)) state.year = Math.max(...own);
  void refresh();
}

function setMetric(metric) {
  state.metric = metric;
  history.replaceState(null, '', toHash(state));
  void refreshCard('benchmark');
}

function wirePickers() {
  $('pick-year').addEventListener('change', (e) => {
    state.year = Number(e.target.value);
    void refresh();
  });
  $('pick-peer').addEventListener('change', (e) => {
    state.peerGroup = e.target.value;
    void refresh();
  });
  $('pick-synthetic').addEventListener('change', (e) => {
    state.includeSynthetic = e.target.value === '1';
    normalise({});
    void refresh();
  });
  $('pick-dept').addEventListener('change', (e) => select(e.target.value));
  window.addEventListener('hashchange', () => {
    if (location.hash === toHash(state)) return;
    closeIndicator();
    normalise(parseHash(location.hash));
    void refresh();
  });
}

async function start() {
  document.body.dataset.state = 'loading';
  try {
    await loadOperations();
    ctx.departments = await loadDepartments(run);
    // Chinese labels of every enum value, from the API (the EnumLabels operation).
    mergeLabels((await run('EnumLabels', {})).data?.enumLabels);
  } catch (error) {
    $('global-notice').hidden = false;
    $('global-notice').textContent = `无法载入数据：${error.message}`;
    document.body.dataset.state = 'error';
    return;
  }
  if (ctx.departments.size === 0) {
    $('global-notice').hidden = false;
    $('global-notice').textContent = '数据库中没有部门：请先导入报告（见 README「Data」）。';
    document.body.dataset.state = 'ready';
    return;
  }
  buildCards();
  wirePickers();
  normalise(parseHash(location.hash));
  await refresh();
}

void start();
