/**
 * The indicator panel: what a point of the targets chart (or a finding row) rests on — the 表3
 * indicator with its target and actual texts, the measure read from them, the attainment and the
 * rules that fired, and its source: file, page, line and the text read there.
 */
import { esc, measureValue, ratio } from '../format.js';
import { label, labels } from '../labels.js';

let panel;
let lastFocus;
/** The measure the panel shows (a late answer for another one is dropped). */
let current;

function ensurePanel() {
  panel ??= document.getElementById('indicator-panel');
  if (!panel.dataset.wired) {
    panel.dataset.wired = '1';
    panel.querySelector('.close').addEventListener('click', closeIndicator);
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !panel.hidden) closeIndicator();
    });
  }
  return panel;
}

function row(term, value) {
  return `<dt>${esc(term)}</dt><dd>${value}</dd>`;
}

/** Opens the panel on one measure: `{ department, year, indicator, measure, attainment, rules, ratchetFailure, source }`. */
export function openIndicator(point, { onDepartment } = {}) {
  const el = ensurePanel();
  const { department, indicator, measure, source } = point;
  const unit = measure?.unit;
  const flags = [...new Set([...(point.rules ?? []), ...(measure?.flags ?? [])])];
  const body = el.querySelector('.panel-body');
  body.innerHTML = `
    <p class="panel-dept">${department.synthetic ? '<span class="badge synthetic">合成数据</span> ' : '<span class="badge real">真实报告</span> '}
      <a href="#" class="to-dept">${esc(department.name)}</a> · ${esc(point.year)} 年 · 表3 序号 ${esc(indicator.seq ?? '—')}</p>
    <h3 class="indicator-name">${esc(indicator.name)}</h3>
    <dl class="facts">
      ${row('预期实现值', esc(indicator.targetText ?? '—'))}
      ${row('实际完成值', esc(indicator.actualText ?? '—'))}
      ${measure?.comparator ? row('比较方式', esc(label('Comparator', measure.comparator))) : ''}
      ${row('目标值', esc(measureValue(measure?.target, unit)))}
      ${row('实际值', esc(measureValue(measure?.actual, unit)))}
      ${row('方向', esc(label('Direction', measure?.direction)))}
      ${row('完成比', `<b class="attainment">${esc(ratio(point.attainment))}</b>`)}
      ${row('触发规则', `<span class="flags">${esc(labels('OvershootRule', flags))}</span>`)}
      ${point.ratchetFailure == null ? '' : row('目标低于上年实际', point.ratchetFailure ? '是' : '否')}
      ${measure?.confidence ? row('读取置信度', esc(label('Confidence', measure.confidence))) : ''}
    </dl>
    <h4>出处</h4>
    ${
      source
        ? `<dl class="facts source">
            ${row('文件', `<code class="source-file">${esc(source.file)}</code>`)}
            ${row('页码', source.page == null ? '（文本未标页）' : `第 ${esc(source.page)} 页`)}
            ${row('行号', `<span class="source-line">第 ${esc(source.line)} 行</span>`)}
          </dl>
          <blockquote class="source-text">${esc(source.text ?? '')}</blockquote>`
        : '<p class="msg empty">无出处：该报告不是从报告文本读入的（合成数据直接由数字生成，或入库时尚未记录出处）。</p>'
    }`;
  body.querySelector('.to-dept').addEventListener('click', (event) => {
    event.preventDefault();
    closeIndicator();
    onDepartment?.(department.code);
  });
  current = point;
  lastFocus = document.activeElement;
  el.hidden = false;
  el.querySelector('.close').focus();
}

/** Closes the panel. */
export function closeIndicator() {
  if (!panel || panel.hidden) return;
  panel.hidden = true;
  lastFocus?.focus?.();
}
