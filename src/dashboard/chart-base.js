/**
 * What every chart shares: the ECharts instance of a container (echarts.min.js, served by this
 * server, defines the global `echarts`), system CJK fonts, colours, and resizing.
 */

const echarts = globalThis.echarts;

/** System fonts only (nothing is downloaded): Debian's WenQuanYi, Noto CJK, Windows, macOS. */
export const FONT =
  '"WenQuanYi Micro Hei","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC","Hiragino Sans GB",sans-serif';

export const COLORS = {
  personnel: '#3b6fb6',
  public: '#6fb27c',
  basic: '#8fb8de',
  project: '#f0a83a',
  chosen: '#c62828',
  real: '#1f3b63',
  synthetic: '#9aa5b1',
  ratio: '#e8710a',
  ceiling: '#c62828',
  both: '#ad1457',
  ratchet: '#6a1b9a',
  other: '#7f8c8d',
};

/** Opacity of synthetic (demo) departments' marks: visibly paler than real ones. */
export const SYNTHETIC_OPACITY = 0.45;

/** Rich-text styles for axis labels: the chosen department, a real one, a synthetic one. */
export const NAME_RICH = {
  chosen: { color: COLORS.chosen, fontWeight: 'bold', fontFamily: FONT, fontSize: 12 },
  real: { color: '#1a1a1a', fontWeight: 'bold', fontFamily: FONT, fontSize: 12 },
  syn: { color: '#6b7785', fontFamily: FONT, fontSize: 12 },
  badge: {
    color: '#fff',
    backgroundColor: '#c77700',
    borderRadius: 2,
    padding: [1, 3],
    fontSize: 10,
    fontFamily: FONT,
  },
};

/** A department's name as an axis label: `{chosen|▶ name}`, `{badge|合成}{syn|name}`, … */
export function nameLabel(dept, chosenCode, short) {
  const name = (short ?? dept?.name ?? '').replace(/[{}|]/g, '');
  if (!dept) return name;
  if (dept.code === chosenCode) return `{chosen|▶ ${name}}`;
  return dept.synthetic ? `{badge|合成} {syn|${name}}` : `{real|${name}}`;
}

/** A long department name shortened for an axis: the fictitious city's prefix goes. */
export function shortName(name, max = 14) {
  const short = String(name ?? '')
    .replace(/^中国共产党/, '中共')
    .replace(/^示例市(?=.)/, '');
  return short.length > max ? `${short.slice(0, max - 1)}…` : short;
}

/** Charts follow their container's size (a card grows when its row does). */
const resizes =
  globalThis.ResizeObserver &&
  new ResizeObserver((entries) => {
    for (const entry of entries) echarts.getInstanceByDom(entry.target)?.resize();
  });

/** The ECharts instance of a container, created on first use. */
export function chartIn(el) {
  const existing = echarts.getInstanceByDom(el);
  if (existing) return existing;
  resizes?.observe(el);
  return echarts.init(el, null, { renderer: 'canvas', locale: 'ZH' });
}

/** Draws an option afresh (no merge with the previous one); no animation. */
export function draw(el, option) {
  const chart = chartIn(el);
  chart.off('click');
  chart.setOption(
    {
      animation: false,
      textStyle: { fontFamily: FONT, fontSize: 12 },
      ...option,
    },
    { notMerge: true },
  );
  return chart;
}

/** Removes a chart (an empty answer): the container shows its reason instead. */
export function clear(el) {
  echarts.getInstanceByDom(el)?.dispose();
}
