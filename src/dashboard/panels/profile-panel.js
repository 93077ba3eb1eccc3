/**
 * 目标设定画像 — the chosen department's target-setting profile for the year
 * (TargetSettingProfile): the four signals of how it sets and reports its targets (low-target
 * risk, just above target, ambition shortfall, copied actuals), each with its raw figure, score
 * and weight, their composite, and its rank within the whole sector. A screening aid, not a
 * verdict (docs/domain.md, "Target-setting profile").
 */
import { renderTable, setDownloads, showMessages } from '../card.js';
import { esc } from '../format.js';
import { label } from '../labels.js';

const OPERATION = 'TargetSettingProfile';

/** The profile of the chosen department and year, ranked within its sector. */
export async function update(card, ctx) {
  const variables = {
    fromYear: ctx.state.year,
    toYear: ctx.state.year,
    departments: [ctx.state.dept],
    includeSynthetic: ctx.state.includeSynthetic,
  };
  setDownloads(card, OPERATION, variables);
  const answer = await ctx.run(OPERATION, variables);
  const profile = answer.data?.targetSettingProfile?.profiles?.[0];
  const empty = profile ? null : `该部门 ${ctx.state.year} 年没有报告，无法形成目标设定画像。`;
  if (!showMessages(card, answer, empty)) {
    card.body.innerHTML = '';
    card.caption.textContent = '';
    return;
  }
  const sector = profile.sectorComposite;
  const standing =
    profile.rank !== null
      ? `${esc(profile.sector)}领域 ${esc(sector.departments)} 个部门中第 ${esc(profile.rank)}（1 = 迹象最多）`
      : profile.composite === null
        ? '没有可计算的信号，无综合分'
        : '不公布排名（同领域部门少于 5 个）';
  card.body.innerHTML = `
    <dl class="facts compact">
      <dt>综合分</dt><dd class="composite">${esc(profile.compositeText ?? '—')}</dd>
      <dt>同领域排名</dt><dd class="standing">${standing}</dd>
      ${profile.reweighted ? `<dt>权重</dt><dd>${esc(profile.weightNote ?? '')}</dd>` : ''}
    </dl>
    ${sector.tooSmall ? '<p class="msg warn">同领域部门少于 5 个：排名与分位数仅供参考。</p>' : ''}
    <div class="components"></div>`;
  renderTable(
    card.body.querySelector('.components'),
    [
      {
        title: '信号',
        cell: (c) => esc(label('ProfileComponent', c.component)),
        className: 'name',
      },
      {
        title: '原始值',
        cell: (c) =>
          c.computable ? esc(c.rawText ?? '—') : esc(label('ProfileComponentGap', c.gap)),
        className: 'num',
      },
      {
        title: '依据',
        cell: (c) => (c.basis > 0 ? `${esc(c.count)} / ${esc(c.basis)}` : '—'),
        className: 'num',
      },
      { title: '得分', cell: (c) => esc(c.scoreText ?? '—'), className: 'num' },
      { title: '权重', cell: (c) => esc(c.appliedWeightText ?? '—'), className: 'num' },
    ],
    profile.components,
  );
  card.caption.textContent = profile.explanation ?? '';
}
