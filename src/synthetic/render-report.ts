/**
 * Renders a ReportDocument as PDF-extracted text in the Guangzhou template, with the layout
 * noise of the real report (docs/domain.md, "The report": table cells broken across lines, columns
 * interleaved, tables split by page breaks, thousands separators, stray spaces). Used for the synthetic demo corpus: `parseReport` reads the text
 * back into the same document.
 *
 * Layout, after the real report: the title broken over two lines; prose wrapped at 26 cells (24
 * on a paragraph's first line) with blank lines between; a page's first line begins with a
 * space; 表1 interleaved per page as extraction does it (the name column's lines, then the
 * target's, then the actual's, wrapped at 4, 11 and 19 cells; a row broken by a page resumes with
 * the rest of its target, then the rest of its actual); 表3 rows whole, names wrapped at 6 and
 * values at 13-14, the header repeated after a page break; 表4 with merged level-1 and level-2
 * cells on lines of their own.
 */
import { centsToDecimal, decimalToCents, formatCents } from './cents.js';
import type { Deduction, ReportDocument } from '../ingest/report-document.js';
import type { Decimal } from '../db/tables.js';
import { enumerator } from './enumerator.js';
import { createRandom, seedFrom, type Random } from './random.js';
import { cellParagraphs, lineWidth, strayNumberSpaces, wrapText } from './text-layout.js';

const ENDS_SENTENCE = /[。；;！!]$/;
const NUMERAL_START = /^[一二三四五六七八九十\d]/;
const KEY_TASK_WIDTHS = { name: 4, target: 11, actual: 19 } as const;
const PROSE_WIDTH = 26;
const PROSE_FIRST_WIDTH = 24;

/** Output lines with page breaks: a page's first line begins with a space, as extracted. */
class Pages {
  readonly lines: string[] = [];
  private readonly capacity: number;
  private remaining: number;
  private pageStart = true;

  constructor(private readonly rng: Random) {
    this.capacity = rng.int(26, 34);
    this.remaining = this.capacity;
  }

  /** Lines still free on the current page. */
  get free(): number {
    return this.remaining;
  }

  get full(): number {
    return this.capacity;
  }

  newPage(): void {
    this.pageStart = true;
    this.remaining = this.capacity;
  }

  /** Writes a line at the current position (breaking the page first when it is full). */
  line(text: string): void {
    if (this.remaining <= 0) this.newPage();
    this.lines.push(`${this.pageStart ? ' ' : ''}${text}`);
    this.pageStart = false;
    this.remaining--;
    if (this.rng.chance(0.8)) this.lines.push('');
  }

  /**
   * Writes the lines of table rows that take `height` lines of the page (columns side by side),
   * without breaking the page inside them.
   */
  rows(lines: readonly string[], height: number): void {
    for (const l of lines) {
      this.lines.push(`${this.pageStart ? ' ' : ''}${l}`);
      this.pageStart = false;
      if (this.rng.chance(0.75)) this.lines.push('');
    }
    this.remaining -= height;
  }

  /** Writes lines that stay on one page, breaking the page before them when they do not fit. */
  block(lines: readonly string[], height = lines.length, onNewPage?: () => void): void {
    if (height > this.remaining && height <= this.capacity) {
      this.newPage();
      onNewPage?.();
    }
    this.rows(lines, height);
  }

  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

function amount(value: Decimal | null, rng: Random, dropZero = 0): string {
  if (value === null) return '-';
  const printed = formatCents(decimalToCents(value));
  // Table 2 of the real report prints 3,505.9: a trailing zero dropped now and then.
  return rng.chance(dropZero) ? printed.replace(/\.?0$/, '') : printed;
}

function percent(value: Decimal): string {
  return formatCents(decimalToCents(value), { separators: false });
}

function stated(doc: ReportDocument, name: string): Decimal {
  const figure = doc.statedFigures.find((f) => f.name === name);
  if (!figure) throw new Error(`${doc.sourceFile}: stated figure ${name} is missing`);
  return figure.value;
}

/** The place of the department (示例市, 示例市东湖示范区) for the finance bureau's notice. */
function placeOf(name: string): { place: string; level: string } {
  const bare = name.replace(/^中国共产党/, '');
  const district = /^(.*?示范([区县]))/.exec(bare);
  if (district) return { place: district[1]!, level: `${district[2]}级` };
  const city = /^(.*?市)/.exec(bare);
  return { place: city?.[1] ?? '本级', level: '市级' };
}

/** A prose paragraph; `prefix` (a list number such as `1.`) is kept free of stray spaces. */
function paragraph(pages: Pages, text: string, rng: Random, prefix = ''): void {
  const noisy = prefix + strayNumberSpaces(text, rng, 0.5, 0.15);
  for (const line of wrapText(noisy, PROSE_WIDTH, PROSE_FIRST_WIDTH)) pages.line(line);
}

/** A rate of a part score as printed (`99.98`, `100`). */
function scoreRate(score: Decimal, weight: Decimal): string {
  const s = decimalToCents(score);
  const w = decimalToCents(weight);
  if (s === w) return '100';
  return formatCents(Math.round((s * 10000) / w), { separators: false });
}

/**
 * A cell's lines for table 1. Lines that are not a paragraph's last stay near full width (a
 * narrow line reads as the next column), and no short line follows a sentence end (it would read
 * as the next row's name); when a wrap breaks either, the paragraph is wrapped again narrower.
 */
function keyTaskCell(text: string, width: number, minFull: number, rng: Random): string[] {
  const out: string[] = [];
  for (const para of cellParagraphs(text)) {
    const noisy = strayNumberSpaces(para, rng, 0.5, 0.1);
    let chosen: string[] | null = null;
    for (const source of [noisy, para]) {
      for (const w of [width, width - 0.5, width - 1, width - 1.5, width - 2]) {
        const lines = wrapText(source, w);
        const ok = lines.every((line, i) => {
          if (i === lines.length - 1) return true;
          const next = lines[i + 1]!;
          if (lineWidth(line) < minFull) return false;
          return !ENDS_SENTENCE.test(line) || lineWidth(next) > 6 || NUMERAL_START.test(next);
        });
        if (ok) {
          chosen = lines;
          break;
        }
      }
      if (chosen) break;
    }
    out.push(...(chosen ?? wrapText(para, width)));
  }
  return out;
}

function renderKeyTasks(pages: Pages, doc: ReportDocument, rng: Random): void {
  if (doc.keyTasks.length === 0) return;
  pages.line(`表 1 ${doc.year}年重点工作任务完成情况`);
  pages.block(['年度重点', '工作任务', '任务绩效目标 实际完成情况']);
  const { name: nw, target: tw, actual: aw } = KEY_TASK_WIDTHS;
  for (const task of doc.keyTasks) {
    const name = wrapText(task.name, nw);
    const target = keyTaskCell(task.targetText, tw, tw - 4, rng);
    const actual = keyTaskCell(task.actualText, aw, aw - 3, rng);
    const height = Math.max(name.length, target.length, actual.length);
    const emit = (from: number, to: number) =>
      pages.rows(
        [...name.slice(from, to), ...target.slice(from, to), ...actual.slice(from, to)],
        to - from,
      );
    if (height <= pages.free) {
      emit(0, height);
      continue;
    }
    // A page break inside the row: the rest of the target, then the rest of the actual, on the
    // next page. The parser recognises that only after an unfinished full actual line and when
    // at least two target lines resume (or none), so the break goes where that holds.
    let split = -1;
    for (let k = Math.min(pages.free, height - 1); k >= Math.max(3, name.length); k--) {
      const lastActual = actual[k - 1];
      const targetRest = target.length - k;
      if (lastActual === undefined || actual.length <= k) continue;
      if (ENDS_SENTENCE.test(lastActual) || lineWidth(lastActual) < aw - 1) continue;
      if (targetRest === 1) continue;
      // The resumed target must not end on its first line, and the actual's rest must not
      // start with a line narrow enough to pass for more target.
      if (targetRest >= 2 && ENDS_SENTENCE.test(target[k]!)) continue;
      if (targetRest >= 2 && lineWidth(actual[k]!) <= tw + 0.5) continue;
      split = k;
      break;
    }
    if (split < 0) {
      pages.newPage();
      emit(0, height);
      continue;
    }
    emit(0, split);
    pages.newPage();
    emit(split, height);
  }
}

function renderFinance(pages: Pages, doc: ReportDocument, rng: Random): void {
  const y = doc.year;
  const money = (v: Decimal) => amount(v, rng);
  const revenue = doc.revenueByFunction
    .map((f) => `${f.functionClass}预算收入${money(f.amount)}万元`)
    .join('，');
  paragraph(
    pages,
    `1.预算收入情况。本部门${y}年度年初预算收入${money(stated(doc, 'revenue_total'))}万元，其中：${revenue}。`,
    rng,
  );
  const spending = doc.expenditureByFunction
    .map((f) => `${f.functionClass}决算支出${money(f.amount)}万元`)
    .join('，');
  paragraph(
    pages,
    `2.预算支出情况。本部门${y}年度全年预算数${money(stated(doc, 'full_year_budget'))}万元，` +
      `决算支出${money(stated(doc, 'final_total'))}万元，其中：${spending}。` +
      `全年支出进度${percent(stated(doc, 'spending_progress'))}%，支出执行率${percent(stated(doc, 'execution_rate'))}%。`,
    rng,
  );
  paragraph(
    pages,
    `3.支出规模情况。本部门${y}年度部门决算支出${money(stated(doc, 'scale_final_total'))}万元，` +
      `其中：基本支出决算数${money(stated(doc, 'basic_final'))}万元，占比${percent(stated(doc, 'basic_share'))}%；` +
      `项目支出决算数${money(stated(doc, 'project_final'))}万元，占比${percent(stated(doc, 'project_share'))}%。`,
    rng,
  );
  pages.line(`表 2 ${y}年部门整体支出决算表`);
  pages.block([
    '按支出性质分类',
    '年初预算数',
    '（万元）',
    '全年预算数',
    '（万元）',
    '决算数',
    '（万元）',
  ]);
  const rows: readonly (readonly [string, keyof ReportDocument['byNature']])[] = [
    ['本年支出合计', 'TOTAL'],
    ['一、基本支出', 'BASIC'],
    ['人员经费', 'PERSONNEL'],
    ['公用经费', 'PUBLIC'],
    ['二、项目支出', 'PROJECT'],
  ];
  for (const [label, category] of rows) {
    const s = doc.byNature[category];
    const cells = [s.initialBudget, s.fullYearBudget, s.final].map((v) => amount(v, rng, 0.1));
    pages.line(`${label} ${cells.join(' ')}`);
  }
}

/** The clauses of an analysis paragraph's deductions, grouped by reason as the real report does. */
function deductionClauses(deductions: readonly Deduction[], quote: boolean, rng: Random): string[] {
  const groups: { reason: string; items: Deduction[] }[] = [];
  for (const d of deductions) {
    if (d.reason === null) continue;
    const group = groups.find((g) => g.reason === d.reason);
    if (group) group.items.push(d);
    else groups.push({ reason: d.reason, items: [d] });
  }
  return groups.map(({ reason, items }) => {
    const points = centsToDecimal(items.reduce((sum, d) => sum + decimalToCents(d.points), 0));
    const unique = deductions.filter((d) => d.points === items[0]!.points).length === 1;
    // An unquoted clause is matched by its points, so it is only written where they are unique.
    if (!quote || (items.length === 1 && unique && rng.chance(0.3))) {
      return `${reason}${rng.chance(0.5) ? ',' : '，'}扣${points}分`;
    }
    const quoted = items.map((d) => `“${d.item}”`).join('');
    return `${reason}，致使${quoted}指标${items.length > 1 ? '合计' : ''}被扣${points}分`;
  });
}

function analysis(
  heading: string,
  score: { score: Decimal; weight: Decimal },
  clauses: string[],
): string {
  let text = `${heading}。指标分值${score.weight}分，得分${score.score}分，得分率为${scoreRate(score.score, score.weight)}%。`;
  if (clauses.length === 1) text += `扣分的主要原因是${clauses[0]}。`;
  else if (clauses.length > 1) {
    text += `扣分的主要原因：${clauses.map((c, i) => `${enumerator(i)}${c}`).join('；')}。`;
  }
  return text;
}

function renderIndicators(pages: Pages, doc: ReportDocument, rng: Random): void {
  const header = '序号 指标名称 预期实现值 实际完成值';
  pages.line('表 3 部门整体绩效-履职效能关键指标完成情况');
  pages.line(header);
  const targetWidth = rng.pick([13, 14]);
  const actualWidth = rng.pick([13, 14]);
  for (const row of doc.indicators) {
    const name = wrapText(row.name, 6);
    const target = wrapText(strayNumberSpaces(row.targetText, rng, 0.5, 0), targetWidth);
    const actual = wrapText(strayNumberSpaces(row.actualText, rng, 0.5, 0), actualWidth);
    // A row number stands alone beside a tall name cell, else before the name's first line.
    const head =
      name.length >= 3 ? [String(row.seq), ...name] : [`${row.seq} ${name[0]}`, ...name.slice(1)];
    const height = Math.max(head.length, target.length, actual.length);
    pages.block([...head, ...target, ...actual], height, () => pages.line(header));
  }
}

function renderManagement(pages: Pages, doc: ReportDocument): void {
  const header = '一级指标 二级指标 三级指标 分值 得分 得分率';
  pages.line('表 4 部门整体绩效-管理效率自评得分情况');
  pages.line(header);
  let level1 = '';
  let level2 = '';
  doc.managementScores.forEach((row, i) => {
    if (pages.free <= 0) {
      pages.newPage();
      pages.line(header);
    }
    if (row.level1 !== level1) {
      level1 = row.level1;
      pages.line(level1);
    }
    const rate =
      row.scoreRate === null
        ? ''
        : row.score === row.weight
          ? '100%'
          : `${percent(row.scoreRate)}%`;
    const cells = `${row.level3} ${row.weight} ${row.score} ${rate}`;
    const groupSize = doc.managementScores.filter((r) => r.level2 === row.level2).length;
    if (row.level2 !== level2) {
      level2 = row.level2;
      // A merged level-2 cell of one row shares its line; a taller one stands on its own.
      if (groupSize === 1 || doc.managementScores[i + 1]?.level2 !== row.level2) {
        pages.line(`${row.level2} ${cells}`);
        return;
      }
      pages.line(row.level2);
    }
    pages.line(cells);
  });
}

function problemsParagraph(doc: ReportDocument, rng: Random): string {
  const items = doc.problems;
  const listable = (s: string) => !/[、，,；;。等]/.test(s);
  const lastIsTail =
    items.length > 0 &&
    !listable(items[items.length - 1]!) &&
    !/[。！？]/.test(items[items.length - 1]!);
  const list = lastIsTail ? items.slice(0, -1) : items;
  const asList = list.length > 0 && list.every(listable) && (items.length < 2 || rng.chance(0.65));
  if (asList) {
    const joined = list
      .map((s, i) => (i === 0 ? s : `${rng.chance(0.8) ? '、' : '，'}${s}`))
      .join('');
    const tail = lastIsTail ? `，${items[items.length - 1]}` : '';
    return (
      `${doc.year}年度，本部门积极推进预算绩效目标申报，严格落实绩效运行监控，认真组织绩效自评工作，` +
      `全年预算绩效管理总体情况良好，基本实现预期目标，但从绩效自评的情况来看，仍然存在${joined}等问题${tail}。`
    );
  }
  return (
    `${doc.year}年度，本部门预算绩效管理工作总体运行良好，但对照预算绩效管理要求，主要存在以下问题：` +
    `${items.map((s, i) => `${enumerator(i)}${s}`).join('；')}。`
  );
}

function improvementsParagraph(doc: ReportDocument): string {
  return (
    '全面落实预算绩效管理是有效促进财政资金使用效益、优化财政资源配置、提升公共服务质量的重要举措。' +
    '下一步，我部门将根据主责主业及业务发展规划，持续强化预算绩效意识，努力提升绩效管理水平。' +
    doc.improvements.map((s, i) => `${enumerator(i)}${s}。`).join('')
  );
}

/** Renders a document as PDF-extracted text in the Guangzhou template, with the layout noise of the real report. */
export function renderReport(doc: ReportDocument, seed: number): string {
  const rng = createRandom(seedFrom(seed, doc.title));
  const pages = new Pages(rng);

  const cut = Math.min(doc.title.length - 4, rng.int(12, 20));
  pages.line(doc.title.slice(0, cut));
  pages.line(doc.title.slice(cut));
  if (doc.sourceFile.startsWith('synthetic/')) {
    pages.line('（合成演示数据：本报告由程序生成，所涉部门、人员和数字均为虚构）');
  }

  pages.line('一、部门基本情况');
  pages.line('（一）部门职能');
  paragraph(pages, doc.dutiesText, rng);
  pages.line('（二）年度总体工作和重点工作任务');
  paragraph(pages, doc.overviewText, rng);
  renderKeyTasks(pages, doc, rng);
  if (doc.goals.length > 0) {
    pages.line('（三）部门整体支出绩效目标');
    doc.goals.forEach((goal, i) => paragraph(pages, `${goal}。`, rng, `${i + 1}.`));
  }
  pages.line('（四）部门整体收支情况');
  renderFinance(pages, doc, rng);
  pages.line('（五）部门整体绩效管理情况');
  paragraph(pages, doc.performanceText, rng);

  pages.line('二、绩效自评情况');
  paragraph(pages, doc.evaluationText, rng);
  pages.line('（一）自评结论');
  const { place, level } = placeOf(doc.departmentName);
  const { duty: dutyPart, management: managementPart } = doc.score;
  if (!dutyPart || !managementPart)
    throw new Error(
      `${doc.sourceFile}: the Guangzhou template needs the duty and management scores`,
    );
  paragraph(
    pages,
    `根据《${place}财政局关于印发${doc.year + 1}年${place}${level}财政资金支出绩效评价工作方案的通知》要求，` +
      `${doc.year}年部门整体支出绩效评价指标体系设计总分值为${doc.score.totalWeight}分，区分履职效能和管理效率。` +
      `我部门综合自评得分${doc.score.total}分，其中：履职效能得分${dutyPart.score}分，` +
      `管理效率得分${managementPart.score}分。`,
    rng,
  );
  const duty = doc.deductions.filter((d) => d.part === 'DUTY');
  const management = doc.deductions.filter((d) => d.part === 'MANAGEMENT');
  paragraph(
    pages,
    analysis('（二）履职效能分析', dutyPart, deductionClauses(duty, false, rng)),
    rng,
  );
  renderIndicators(pages, doc, rng);
  paragraph(
    pages,
    analysis('（三）管理效率分析', managementPart, deductionClauses(management, true, rng)),
    rng,
  );
  renderManagement(pages, doc);

  pages.line('三、存在的主要问题');
  paragraph(pages, problemsParagraph(doc, rng), rng);
  pages.line('四、下一步改进措施');
  paragraph(pages, improvementsParagraph(doc), rng);
  return pages.toString();
}
