/**
 * Number formats: amounts in 万元 with two decimals (as printed in the reports), fractions of the
 * API (0-1) as percentages, indicator values in their unit.
 */

const NONE = '—';

function isNumber(v) {
  return typeof v === 'number' && Number.isFinite(v);
}

/** A plain number in Chinese grouping, at most `digits` decimals. */
export function num(v, digits = 2) {
  if (!isNumber(v)) return NONE;
  return v.toLocaleString('zh-CN', { maximumFractionDigits: digits });
}

/** An amount in 万元: `10,105.79 万元`. */
export function wan(v, unit = true) {
  if (!isNumber(v)) return NONE;
  const text = v.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return unit ? `${text} 万元` : text;
}

/** A fraction (0-1) as a percentage: 0.6686 → `66.86%`. */
export function pct(v, digits = 2) {
  if (!isNumber(v)) return NONE;
  return `${(v * 100).toFixed(digits)}%`;
}

/** A change of a fraction in percentage points. */
export function pp(v, digits = 2) {
  if (!isNumber(v)) return NONE;
  return `${v > 0 ? '+' : ''}${(v * 100).toFixed(digits)} 个百分点`;
}

/** An attainment (actual / target): `1.24`. */
export function ratio(v) {
  if (!isNumber(v)) return NONE;
  return v.toFixed(2);
}

/** A metric value by the registry's unit: fraction, 万元 or points. */
export function metricValue(v, unit) {
  if (unit === 'fraction') return pct(v);
  if (unit === '万元') return wan(v);
  if (unit === 'points') return isNumber(v) ? `${num(v)} 分` : NONE;
  return num(v);
}

/** An axis tick of a metric (short). */
export function metricTick(v, unit) {
  if (unit === 'fraction') return `${Math.round(v * 1000) / 10}%`;
  return num(v, 2);
}

/** An indicator value in its base unit (% as a fraction, 日期 as yyyymmdd). */
export function measureValue(v, unit) {
  if (!isNumber(v)) return NONE;
  if (unit === '%') return pct(v, v * 100 === Math.round(v * 100) ? 0 : 2);
  if (unit === '日期') {
    const s = String(Math.round(v));
    return s.length === 8 ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}` : s;
  }
  return `${num(v, 4)}${unit ? ` ${unit}` : ''}`;
}

/** Escapes text for HTML. */
export function esc(text) {
  return String(text ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
