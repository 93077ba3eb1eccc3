/**
 * A card of the dashboard: a title, its controls, a download button per format, messages (errors,
 * the server's notices, why an answer is empty), the chart or table, a caption.
 */
import { exportLinks } from './api.js';
import { esc } from './format.js';
import { downloadWithToken, hasToken } from './token.js';

/** Builds a card's DOM inside `parent` and answers its parts. */
export function createCard(parent, { id, title, className = '' }) {
  const section = document.createElement('section');
  section.className = `card ${className}`.trim();
  section.id = `card-${id}`;
  section.innerHTML = `
    <header class="card-head">
      <h2>${esc(title)}</h2>
      <div class="controls"></div>
      <div class="downloads" role="group" aria-label="下载">
        <a class="download csv" data-format="csv" download title="下载 CSV（UTF-8）">CSV</a>
        <a class="download xlsx" data-format="xlsx" download title="下载 Excel 工作簿">Excel</a>
      </div>
    </header>
    <div class="messages" aria-live="polite"></div>
    <div class="body"></div>
    <p class="caption"></p>`;
  parent.append(section);
  // With a token, a download is fetched with it (a plain link cannot send the header).
  section.querySelector('.downloads').addEventListener('click', async (event) => {
    const link = event.target.closest('a[href]');
    if (!link || !hasToken()) return;
    event.preventDefault();
    const failed = await downloadWithToken(link.href);
    if (failed) addMessage(cardParts(section), `下载失败：${failed}`, 'error');
  });
  return cardParts(section);
}

/** The parts of an existing card section. */
export function cardParts(section) {
  return {
    section,
    controls: section.querySelector('.controls'),
    messages: section.querySelector('.messages'),
    body: section.querySelector('.body'),
    caption: section.querySelector('.caption'),
  };
}

/** Points the card's download buttons at the operation with the chart's variables. */
export function setDownloads(card, operation, variables) {
  const links = exportLinks(operation, variables);
  for (const a of card.section.querySelectorAll('.downloads a')) {
    a.href = links[a.dataset.format];
    a.dataset.operation = operation;
    a.dataset.variables = JSON.stringify(variables);
  }
}

/**
 * Shows what the answer says besides its data: errors, the server's notices, and when there is
 * nothing to draw, why (`empty`). Answers true when there is something to draw.
 */
export function showMessages(card, answer, empty) {
  const items = [];
  for (const e of answer?.errors ?? [])
    items.push(`<p class="msg error">查询出错：${esc(e.message)}</p>`);
  const notices = answer?.notices ?? [];
  for (const n of notices) items.push(`<p class="msg notice">${esc(n)}</p>`);
  // The server's own reason, when it gives one, rather than ours.
  if (empty && !(answer?.errors ?? []).length && !notices.length)
    items.push(`<p class="msg empty">${esc(empty)}</p>`);
  card.messages.innerHTML = items.join('');
  card.section.classList.toggle('is-empty', Boolean(empty) || (answer?.errors ?? []).length > 0);
  return !empty && !(answer?.errors ?? []).length;
}

/** Adds a message of the chart's own (a warning about the data shown). */
export function addMessage(card, text, kind = 'warn') {
  const p = document.createElement('p');
  p.className = `msg ${kind}`;
  p.textContent = text;
  card.messages.append(p);
}

/** The chart element of a card (created on first use). */
export function chartElement(card, id) {
  let el = card.body.querySelector('.chart');
  if (!el) {
    el = document.createElement('div');
    el.className = 'chart';
    el.id = `chart-${id}`;
    card.body.append(el);
  }
  return el;
}

/**
 * A table: `columns` are `{ title, cell(row) → html, className? }`. Rows get `onClick` when given
 * (keyboard too: Enter opens).
 */
export function renderTable(container, columns, rows, { onClick, empty = '无' } = {}) {
  if (!rows.length) {
    container.innerHTML = empty ? `<p class="msg empty">${esc(empty)}</p>` : '';
    return;
  }
  const head = columns.map((c) => `<th class="${c.className ?? ''}">${esc(c.title)}</th>`).join('');
  const body = rows
    .map(
      (row, i) =>
        `<tr data-index="${i}"${onClick ? ' tabindex="0" class="clickable"' : ''}>${columns
          .map((c) => `<td class="${c.className ?? ''}">${c.cell(row)}</td>`)
          .join('')}</tr>`,
    )
    .join('');
  container.innerHTML = `<div class="table-wrap"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
  if (onClick)
    for (const tr of container.querySelectorAll('tbody tr')) {
      const row = rows[Number(tr.dataset.index)];
      tr.addEventListener('click', () => onClick(row));
      tr.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') onClick(row);
      });
    }
}

/** A department's name with its synthetic badge, as HTML. */
export function deptName(dept, chosenCode) {
  if (!dept) return '—';
  const badge = dept.synthetic ? '<span class="badge synthetic">合成</span>' : '';
  const cls = dept.code === chosenCode ? ' class="chosen"' : '';
  return `${badge}<span${cls} title="${esc(dept.code)}">${esc(dept.name)}</span>`;
}
