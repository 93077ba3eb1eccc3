/**
 * Expenditure structure: stacked bars of personnel, public funds and project expenditure per
 * department (ExpenditureStructure, by nature), in 万元 or as shares of total final expenditure,
 * sorted, the chosen department highlighted, synthetic departments paler.
 */
import { chartElement, setDownloads, showMessages } from '../card.js';
import {
  COLORS,
  NAME_RICH,
  SYNTHETIC_OPACITY,
  clear,
  draw,
  nameLabel,
  shortName,
} from '../chart-base.js';
import { esc, pct, wan } from '../format.js';
import { departmentsVariable, peersOf } from '../scope.js';

export const OPERATION = 'ExpenditureStructure';

/** Rows shown at once before the bars scroll. */
const WINDOW = 14;

const SORTS = {
  projectShare: { label: '按项目支出占比', key: (r) => r.projectShare ?? -1 },
  total: { label: '按决算支出', key: (r) => r.total ?? -1 },
  personnelShare: { label: '按人员经费占比', key: (r) => r.personnelShare ?? -1 },
};

const local = { mode: 'amount', sort: 'projectShare', rerender: () => {} };

function part(parts, key) {
  return parts.find((p) => p.key === key);
}

/**
 * One row per department. BASIC = PERSONNEL + PUBLIC; a report that gives basic expenditure
 * without its two parts shows it as one "基本支出（未细分）" block, so the bar still adds up.
 */
export function structureRows(list) {
  return list.map((entry) => {
    const personnel = part(entry.parts, 'PERSONNEL');
    const publicFunds = part(entry.parts, 'PUBLIC');
    const basic = part(entry.parts, 'BASIC');
    const project = part(entry.parts, 'PROJECT');
    const split = personnel?.final != null || publicFunds?.final != null;
    return {
      department: entry.department,
      total: entry.total,
      personnel: personnel?.final ?? null,
      personnelShare: personnel?.share ?? null,
      public: publicFunds?.final ?? null,
      publicShare: publicFunds?.share ?? null,
      basicUnsplit: split ? null : (basic?.final ?? null),
      basicUnsplitShare: split ? null : (basic?.share ?? null),
      basic: basic?.final ?? null,
      basicShare: basic?.share ?? null,
      project: project?.final ?? null,
      projectShare: project?.share ?? null,
    };
  });
}

function renderControls(card) {
  if (card.controls.childElementCount) return;
  card.controls.innerHTML = `
    <select class="structure-mode" aria-label="数值">
      <option value="amount">金额（万元）</option>
      <option value="share">占比（%）</option>
    </select>
    <select class="structure-sort" aria-label="排序">
      ${Object.entries(SORTS)
        .map(([k, s]) => `<option value="${k}">${s.label}</option>`)
        .join('')}
    </select>`;
  const mode = card.controls.querySelector('.structure-mode');
  const sort = card.controls.querySelector('.structure-sort');
  mode.value = local.mode;
  sort.value = local.sort;
  mode.addEventListener('change', () => {
    local.mode = mode.value;
    local.rerender();
  });
  sort.addEventListener('change', () => {
    local.sort = sort.value;
    local.rerender();
  });
}

function option(rows, ctx) {
  const share = local.mode === 'share';
  const chosen = ctx.state.dept;
  const value = (r, key) => (share ? r[`${key}Share`] : r[key]);
  const item = (r, key) => ({
    value: value(r, key),
    code: r.department.code,
    itemStyle: {
      opacity: r.department.synthetic ? SYNTHETIC_OPACITY : 1,
      ...(r.department.code === chosen ? { borderColor: COLORS.chosen, borderWidth: 2 } : {}),
    },
  });
  const series = [
    ['personnel', '人员经费', COLORS.personnel],
    ['public', '公用经费', COLORS.public],
    ['basicUnsplit', '基本支出（未细分）', COLORS.basic],
    ['project', '项目支出', COLORS.project],
  ]
    .filter(([key]) => key !== 'basicUnsplit' || rows.some((r) => r.basicUnsplit != null))
    .map(([key, name, color]) => ({
      name,
      type: 'bar',
      stack: 'total',
      barMaxWidth: 18,
      itemStyle: { color },
      emphasis: { focus: 'series' },
      data: rows.map((r) => item(r, key)),
    }));
  const byCode = new Map(rows.map((r) => [r.department.code, r]));
  const index = Math.max(
    0,
    rows.findIndex((r) => r.department.code === chosen),
  );
  const start = Math.max(0, Math.min(index - Math.floor(WINDOW / 2), rows.length - WINDOW));
  return {
    legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 10 },
    grid: {
      left: 8,
      right: rows.length > WINDOW ? 34 : 16,
      top: 28,
      bottom: 4,
      containLabel: true,
    },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter(params) {
        const r = byCode.get(params[0]?.name);
        if (!r) return '';
        const line = (name, amount, s) =>
          amount == null ? '' : `${name}：${wan(amount)}（${pct(s)}）<br>`;
        return (
          `<b>${esc(r.department.name)}</b>${r.department.synthetic ? '（合成数据）' : ''}<br>` +
          line('人员经费', r.personnel, r.personnelShare) +
          line('公用经费', r.public, r.publicShare) +
          line('基本支出（未细分）', r.basicUnsplit, r.basicUnsplitShare) +
          line('基本支出', r.basic, r.basicShare) +
          line('项目支出', r.project, r.projectShare) +
          `决算支出合计：${wan(r.total)}`
        );
      },
    },
    xAxis: {
      type: 'value',
      name: share ? '占比' : '万元',
      nameGap: 4,
      max: share ? 1 : undefined,
      axisLabel: {
        formatter: (v) => (share ? `${Math.round(v * 100)}%` : v.toLocaleString('zh-CN')),
      },
      splitLine: { lineStyle: { color: '#eceff3' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.department.code),
      axisTick: { show: false },
      axisLabel: {
        interval: 0,
        rich: NAME_RICH,
        formatter: (code) =>
          nameLabel(
            byCode.get(code)?.department,
            chosen,
            shortName(byCode.get(code)?.department.name),
          ),
      },
    },
    dataZoom:
      rows.length > WINDOW
        ? [
            {
              type: 'slider',
              yAxisIndex: 0,
              right: 4,
              width: 14,
              startValue: start,
              endValue: start + WINDOW - 1,
              showDetail: false,
              brushSelect: false,
            },
            { type: 'inside', yAxisIndex: 0, zoomOnMouseWheel: false, moveOnMouseWheel: true },
          ]
        : [],
    series,
  };
}

/** Asks for the structure of the chosen population and draws it. */
export async function update(card, ctx) {
  const peers = peersOf(ctx.departments, ctx.state);
  const variables = {
    year: ctx.state.year,
    departments: departmentsVariable(ctx.departments, ctx.state, peers),
    by: 'NATURE',
  };
  setDownloads(card, OPERATION, variables);
  const answer = await ctx.run(OPERATION, variables);
  const list = (answer.data?.expenditureStructure ?? []).filter(
    (e) => ctx.state.includeSynthetic || !e.department.synthetic,
  );
  const el = chartElement(card, 'structure');
  const empty = list.length
    ? null
    : `${ctx.state.year} 年所选范围内没有部门的支出结构（表2）数据。`;
  if (!showMessages(card, answer, empty)) {
    local.rerender = () => {};
    card.caption.textContent = '';
    return clear(el);
  }

  local.rerender = () => {
    const rows = structureRows(list).sort(
      (a, b) =>
        SORTS[local.sort].key(b) - SORTS[local.sort].key(a) ||
        a.department.code.localeCompare(b.department.code),
    );
    const chart = draw(el, option(rows, ctx));
    chart.on('click', (params) => {
      const code = rows[params.dataIndex]?.department.code;
      if (code) ctx.select(code);
    });
    const mine = rows.find((r) => r.department.code === ctx.state.dept);
    const rank = rows.indexOf(mine) + 1;
    card.caption.textContent = mine
      ? `${mine.department.name}：决算支出 ${wan(mine.total)}，基本支出 ${pct(mine.basicShare)}（人员经费 ${pct(mine.personnelShare)}、公用经费 ${pct(mine.publicShare)}），项目支出 ${pct(mine.projectShare)}；${SORTS[local.sort].label}排第 ${rank}/${rows.length}。浅色条为合成数据。`
      : `${rows.length} 个部门；所选部门本年无表2数据。浅色条为合成数据。`;
  };
  renderControls(card);
  local.rerender();
}
