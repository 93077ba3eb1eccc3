import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readExampleOperations } from '../src/graphql/example-operations.js';
import { postGraphQL, startTestServer } from './support/test-server.js';
import { LAPTOP, launchChromium } from './support/browser.js';

/**
 * The dashboard at /dashboard in a real browser (Debian's chromium, as the GraphiQL test): every
 * chart drawn from the named operations, for the real department alone and among the synthetic
 * demo corpus; a click on a scatter point opening its indicator and source; the downloads it
 * offers holding the numbers of the GraphQL answer; nothing loaded from another host.
 *
 * Screenshots go to test/artifacts/ (ignored by git). With UPDATE_DASHBOARD_IMAGE=1 the demo
 * view is also written to docs/images/dashboard.png, the README's picture.
 */
const ARTIFACTS = 'test/artifacts';
const README_IMAGE = 'docs/images/dashboard.png';
const VIEWPORT = LAPTOP;

type Server = Awaited<ReturnType<typeof startTestServer>>;

const operations = new Map(readExampleOperations().map((op) => [op.name, op.query]));

let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A page of the dashboard that records requests to other hosts and script errors. */
async function openDashboard(
  server: Server,
  hash = '',
): Promise<{ page: Page; elsewhere: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const origin = new URL(server.url).origin;
  const elsewhere: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'))
      elsewhere.push(url);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${origin}/dashboard${hash}`);
  await waitReady(page);
  return { page, elsewhere, errors };
}

/** Waits until every card has drawn its answer (main.js sets data-state). */
async function waitReady(page: Page, after?: string): Promise<void> {
  await page.waitForFunction(
    (previous) =>
      document.body.dataset.state === 'ready' &&
      (previous === null || document.body.dataset.generation !== previous),
    after ?? null,
    { timeout: 60_000 },
  );
}

interface SeriesData {
  name: string;
  type: string;
  data: unknown[];
}

interface ChartData {
  series: SeriesData[];
  xAxis: unknown[][];
  yAxis: unknown[][];
}

/** What an ECharts instance draws: its series' data and its category axes. */
async function chartData(page: Page, id: string): Promise<ChartData | null> {
  return page.evaluate((elementId) => {
    const el = document.getElementById(elementId);
    const echarts = (globalThis as unknown as { echarts: any }).echarts;
    const chart = el && echarts.getInstanceByDom(el);
    if (!chart) return null;
    const option = chart.getOption();
    const plain = (value: unknown) => JSON.parse(JSON.stringify(value ?? null));
    return {
      series: option.series.map((s: any) => ({
        name: s.name,
        type: s.type,
        data: plain(s.data ?? []),
      })),
      xAxis: (option.xAxis ?? []).map((a: any) => plain(a.data ?? [])),
      yAxis: (option.yAxis ?? []).map((a: any) => plain(a.data ?? [])),
    };
  }, id);
}

function series(chart: ChartData | null, name: string): SeriesData {
  const found = chart?.series.find((s) => s.name === name);
  if (!found) throw new Error(`no series ${name} in ${chart?.series.map((s) => s.name)}`);
  return found;
}

/** A data item's value (`{ value }` or a bare value). */
function valueOf(item: unknown): unknown {
  return item !== null && typeof item === 'object' && 'value' in item
    ? (item as { value: unknown }).value
    : item;
}

/** The download links a card offers: `{ csv, xlsx, operation, variables }`. */
async function downloads(page: Page, card: string) {
  return page.evaluate((id) => {
    const links = [...document.querySelectorAll(`#card-${id} .downloads a`)] as HTMLAnchorElement[];
    const csv = links.find((a) => a.dataset.format === 'csv')!;
    const xlsx = links.find((a) => a.dataset.format === 'xlsx')!;
    return {
      csv: csv.getAttribute('href')!,
      xlsx: xlsx.getAttribute('href')!,
      operation: csv.dataset.operation!,
      variables: JSON.parse(csv.dataset.variables!) as Record<string, unknown>,
    };
  }, card);
}

/** Runs a named operation of schema/operations/ as the dashboard does. */
async function answer<T>(server: Server, operation: string, variables: Record<string, unknown>) {
  const result = await postGraphQL<T>(server.url, operations.get(operation)!, variables);
  expect(result.errors ?? []).toEqual([]);
  return result.data!;
}

/** A CSV of the export route (UTF-8 with a BOM, RFC 4180 quoting) as rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Rows of a table as objects by header. */
function byHeader(rows: readonly (readonly unknown[])[]): Record<string, unknown>[] {
  const [header, ...rest] = rows;
  return rest.map((r) => Object.fromEntries(header!.map((h, i) => [String(h), r[i]])));
}

async function fetchFrom(server: Server, href: string): Promise<Response> {
  const response = await fetch(new URL(href, server.url));
  expect(response.status, href).toBe(200);
  return response;
}

async function readXlsx(server: Server, href: string, sheet: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await (await fetchFrom(server, href)).arrayBuffer());
  const worksheet = workbook.getWorksheet(sheet);
  if (!worksheet) throw new Error(`no sheet ${sheet}: ${workbook.worksheets.map((w) => w.name)}`);
  const rows: unknown[][] = [];
  worksheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return byHeader(rows);
}

interface StructureAnswer {
  expenditureStructure: {
    department: { code: string; synthetic: boolean };
    parts: { key: string; final: number | null; share: number | null }[];
  }[];
}

/** The structure chart's amounts by department and part, as drawn. */
function drawnStructure(chart: ChartData | null): Map<string, number> {
  const codes = (chart?.yAxis[0] ?? []) as string[];
  const drawn = new Map<string, number>();
  for (const [name, key] of [
    ['人员经费', 'PERSONNEL'],
    ['公用经费', 'PUBLIC'],
    ['项目支出', 'PROJECT'],
  ] as const)
    series(chart, name).data.forEach((item, i) => {
      drawn.set(`${codes[i]} ${key}`, valueOf(item) as number);
    });
  return drawn;
}

/** Clicks a point of the targets chart by its data, as a user would (pixel of the point). */
async function clickTargetPoint(page: Page, code: string, indicator: string): Promise<void> {
  const at = await page.evaluate(
    ([deptCode, name]) => {
      const el = document.getElementById('chart-targets')!;
      const echarts = (globalThis as unknown as { echarts: any }).echarts;
      const chart = echarts.getInstanceByDom(el);
      const option = chart.getOption();
      for (let i = 0; i < option.series.length; i++) {
        const s = option.series[i];
        if (s.type !== 'scatter') continue;
        const item = s.data.find((d: any) => d.code === deptCode && d.name === name);
        if (!item) continue;
        const [x, y] = chart.convertToPixel({ seriesIndex: i }, item.value);
        const box = el.getBoundingClientRect();
        return { x: box.left + x, y: box.top + y };
      }
      return null;
    },
    [code, indicator] as const,
  );
  expect(at, `point ${indicator} of ${code}`).not.toBeNull();
  await page.mouse.click(at!.x, at!.y);
  await page.locator('#indicator-panel:not([hidden])').waitFor({ timeout: 10_000 });
}

describe('the dashboard with the real department alone', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startTestServer();
  }, 240_000);
  afterAll(async () => {
    await server?.cleanup();
  });

  it('is served by jixiao itself: the page, ECharts, the modules and the named operations', async () => {
    const origin = new URL(server.url).origin;
    const page = await fetch(`${origin}/dashboard`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('Content-Security-Policy');
    const echartsUrl = /src="(\/dashboard\/vendor\/echarts\.min\.[0-9a-f]+\.js)"/.exec(html)?.[1];
    expect(echartsUrl).toBeDefined();
    const echarts = await fetch(`${origin}${echartsUrl}`, {
      headers: { 'accept-encoding': 'br' },
    });
    expect(echarts.status).toBe(200);
    expect(echarts.headers.get('cache-control')).toContain('immutable');
    const ops = (await (await fetch(`${origin}/dashboard/operations.json`)).json()) as {
      operations: { name: string; query: string }[];
    };
    expect(ops.operations.map((o) => o.name)).toEqual([...operations.keys()]);
    expect((await fetch(`${origin}/dashboard/charts/structure-chart.js`)).status).toBe(200);
    expect((await fetch(`${origin}/dashboard/nothing.js`)).status).toBe(404);
  });

  it('draws every chart with the real report’s figures, from this server alone', async () => {
    const { page, elsewhere, errors } = await openDashboard(server);
    expect(await page.locator('#pick-dept').inputValue()).toBe('gz-zfw');
    expect(await page.locator('#pick-year').inputValue()).toBe('2023');
    expect(await page.locator('#scope-badges').innerText()).toContain('仅真实数据');

    // Expenditure structure (表2, 万元): personnel + public = basic, and project.
    const structure = await chartData(page, 'chart-structure');
    expect(structure?.yAxis[0]).toEqual(['gz-zfw']);
    const drawn = drawnStructure(structure);
    expect(drawn.get('gz-zfw PERSONNEL')).toBe(6225.01);
    expect(drawn.get('gz-zfw PUBLIC')).toBe(531.7);
    expect(drawn.get('gz-zfw PROJECT')).toBe(3349.08);

    // Benchmark: one sector of one department, said to be too small.
    const benchmark = await chartData(page, 'chart-benchmark');
    expect(benchmark?.xAxis[0]).toEqual(['政法']);
    const box = valueOf(series(benchmark, '分布（箱线）').data[0]) as number[];
    expect(box).toHaveLength(5);
    for (const v of box) expect(v).toBeCloseTo(6756.71 / 10105.79, 10);
    expect(series(benchmark, '所选部门').data).toMatchObject([{ code: 'gz-zfw' }]);
    expect(await page.locator('#card-benchmark .messages').innerText()).toContain('样本过少');

    // Targets against actuals: the domain's 4 RATIO and 4 CEILING findings among its measures.
    const targets = await chartData(page, 'chart-targets');
    const mine = series(targets, '所选部门').data as {
      value: [number, number];
      name: string;
      itemStyle: { color: string };
    }[];
    expect(mine.length).toBeGreaterThanOrEqual(8);
    const colours = mine.map((p) => p.itemStyle.color);
    expect(colours.filter((c) => c === '#e8710a')).toHaveLength(4); // RATIO
    expect(colours.filter((c) => c === '#c62828')).toHaveLength(4); // CEILING
    expect(mine.find((p) => p.name === '打造示范项目')?.value).toEqual([10, 12]);
    expect(mine.find((p) => p.name === '新媒体宣传影响力提升')?.value).toEqual([1700000, 2109600]);
    expect(mine.find((p) => p.name === '群众重复咨询比例')?.value).toEqual([0.2, 0.0475]);

    // Deduction trends: the report's four deductions, one year.
    const deductions = await chartData(page, 'chart-deductions');
    expect(deductions?.xAxis[0]).toEqual(['2023']);
    const lost = Object.fromEntries(
      deductions!.series.map((s) => [s.name.replace(/（[^）]*）$/, ''), valueOf(s.data[0])]),
    );
    expect(lost).toMatchObject({
      采购合同签订时效性: 2,
      合同备案时效性: 1,
      采购政策效能: 0.02,
      '履职效能（未分项）': 0.01,
    });

    // The department page: multi-year series and findings.
    const total = await chartData(page, 'chart-series-TOTAL_EXPENDITURE');
    expect(total?.xAxis[0]).toEqual(['2023']);
    expect(series(total, total!.series[0]!.name).data).toEqual([10105.79]);
    const score = await chartData(page, 'chart-series-SELF_SCORE');
    expect(score!.series[0]!.data).toEqual([96.97]);
    const overshare = await chartData(page, 'chart-series-OVERSHOOT_SHARE');
    expect(overshare!.series[0]!.data[0]).toBeCloseTo(8 / 15, 10);
    await expect(page.locator('#card-overshoots tbody tr').count()).resolves.toBe(8);
    await expect(page.locator('#card-quality tbody tr').count()).resolves.toBe(3);
    expect(await page.locator('#card-risk .admitted').innerText()).toContain('是');
    expect(await page.locator('#card-risk .admission').innerText()).not.toBe('');
    // No ratchet without a previous year: the card says why.
    expect(await page.locator('#card-ratchets').innerText()).toMatch(/上年|previous year/);
    // The target-setting profile: the four signals as the GraphQL answer gives them.
    const profileCard = await downloads(page, 'profile');
    expect(profileCard.operation).toBe('TargetSettingProfile');
    expect(profileCard.variables).toMatchObject({
      fromYear: 2023,
      toYear: 2023,
      departments: ['gz-zfw'],
    });
    const [profile] = (
      await answer<{
        targetSettingProfile: {
          profiles: {
            compositeText: string;
            rank: number;
            sectorComposite: { departments: number };
            components: { computable: boolean; rawText: string | null; scoreText: string | null }[];
          }[];
        };
      }>(server, 'TargetSettingProfile', profileCard.variables)
    ).targetSettingProfile.profiles;
    expect(await page.locator('#card-profile .composite').innerText()).toBe(profile!.compositeText);
    expect(await page.locator('#card-profile .standing').innerText()).toContain(
      `${profile!.sectorComposite.departments} 个部门中第 ${profile!.rank}`,
    );
    const rows = await page.locator('#card-profile tbody tr').allInnerTexts();
    expect(rows).toHaveLength(4);
    profile!.components.forEach((component, i) => {
      if (component.computable) expect(rows[i]).toContain(component.rawText);
      if (component.scoreText) expect(rows[i]).toContain(component.scoreText);
    });

    await page.screenshot({ path: `${ARTIFACTS}/dashboard-real.png`, fullPage: true });
    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens an indicator with its source line when a scatter point is clicked', async () => {
    const { page, errors } = await openDashboard(server);
    await clickTargetPoint(page, 'gz-zfw', '群众重复咨询比例');
    const panel = page.locator('#indicator-panel');
    await expect(panel.locator('.indicator-name').innerText()).resolves.toBe('群众重复咨询比例');
    const text = await panel.innerText();
    expect(text).toContain('低于20%');
    expect(text).toContain('4.21');
    expect(await panel.locator('.source-line').innerText()).toBe('第 734 行');
    expect(await panel.locator('.source-file').innerText()).toBe(
      'seeds/reports/000_541c9492cc78057a.txt',
    );
    await page
      .locator('#indicator-panel .source-text', { hasText: '15 群众重复咨询比例' })
      .waitFor({ timeout: 10_000 });
    await page.keyboard.press('Escape');
    await expect(panel.isHidden()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the dashboard with the synthetic demo corpus', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startTestServer({ loadDemo: true });
  }, 300_000);
  afterAll(async () => {
    await server?.cleanup();
  });

  it('shows the real department among its peers, synthetic ones marked, and real data alone on request', async () => {
    const { page, elsewhere, errors } = await openDashboard(server, '#dept=gz-zfw');
    expect(await page.locator('#pick-peer').inputValue()).toBe('SECTOR');
    expect(await page.locator('#scope-badges').innerText()).toContain('含合成数据');
    expect(await page.locator('#dept-title').innerText()).toContain('真实部门');

    // Structure: the 政法 sector, the same numbers as the GraphQL answer.
    const structure = await chartData(page, 'chart-structure');
    const codes = structure!.yAxis[0] as string[];
    expect(codes).toContain('gz-zfw');
    expect(codes.length).toBeGreaterThan(5);
    const { variables } = await downloads(page, 'structure');
    const data = await answer<StructureAnswer>(server, 'ExpenditureStructure', variables);
    expect(new Set(data.expenditureStructure.map((e) => e.department.code))).toEqual(
      new Set(codes),
    );
    const drawn = drawnStructure(structure);
    for (const entry of data.expenditureStructure)
      for (const part of entry.parts.filter((p) => p.key !== 'BASIC'))
        expect(drawn.get(`${entry.department.code} ${part.key}`), part.key).toBe(part.final);
    // Synthetic departments' bars are paler than the real one's.
    const personnel = series(structure, '人员经费').data as {
      code: string;
      itemStyle: { opacity: number };
    }[];
    expect(personnel.find((d) => d.code === 'gz-zfw')!.itemStyle.opacity).toBe(1);
    expect(personnel.find((d) => d.code !== 'gz-zfw')!.itemStyle.opacity).toBeLessThan(1);
    await expect(page.locator('#chart-structure').isVisible()).resolves.toBe(true);

    // Benchmark: a box per sector, the chosen department on its own.
    const benchmark = await chartData(page, 'chart-benchmark');
    expect((benchmark!.xAxis[0] as string[]).length).toBeGreaterThan(5);
    expect(benchmark!.xAxis[0]).toContain('政法');
    expect(series(benchmark, '各部门').data.length).toBeGreaterThan(50);
    expect(series(benchmark, '所选部门').data).toMatchObject([{ code: 'gz-zfw' }]);

    // Targets: peers' measures too; deductions over the demo's years.
    const targets = await chartData(page, 'chart-targets');
    const points = targets!.series.filter((s) => s.type === 'scatter');
    const all = points.reduce((n, s) => n + s.data.length, 0);
    expect(all).toBeGreaterThan(series(targets, '所选部门').data.length);
    const deductions = await chartData(page, 'chart-deductions');
    expect(deductions!.xAxis[0]).toEqual(['2019', '2020', '2021', '2022', '2023', '2024']);
    expect(deductions!.series.length).toBeGreaterThan(3);

    // The targets chart and the risk card ask for the chosen department's peer group alone,
    // and the card says how many departments its rank is among.
    const risk = await downloads(page, 'targets');
    expect(risk.operation).toBe('LowTargetRisk');
    expect(risk.variables).toMatchObject({ peerGroup: 'SECTOR', peersOf: 'gz-zfw' });
    const group = (
      await answer<{
        lowTargetRisk: { department: { code: string }; peerKey: string; peerCount: number }[];
      }>(server, 'LowTargetRisk', risk.variables)
    ).lowTargetRisk;
    expect(new Set(group.map((e) => e.peerKey))).toEqual(new Set(['政法']));
    expect(group.length).toBeGreaterThan(1);
    expect(group.find((e) => e.department.code === 'gz-zfw')!.peerCount).toBe(group.length);
    expect(await page.locator('#card-risk').innerText()).toContain(`${group.length} 个部门中第`);

    await page.screenshot({ path: `${ARTIFACTS}/dashboard-demo.png` });
    await page.screenshot({ path: `${ARTIFACTS}/dashboard-demo-full.png`, fullPage: true });
    if (process.env.UPDATE_DASHBOARD_IMAGE === '1') {
      mkdirSync(dirname(README_IMAGE), { recursive: true });
      await page.screenshot({ path: README_IMAGE });
      expect(statSync(README_IMAGE).size).toBeLessThan(300_000);
    }

    // Real data only: the peers shrink to the real department.
    const generation = await page.evaluate(() => document.body.dataset.generation ?? '');
    await page.selectOption('#pick-synthetic', '0');
    await waitReady(page, generation);
    expect(await page.locator('#scope-badges').innerText()).toContain('仅真实数据');
    expect((await chartData(page, 'chart-structure'))!.yAxis[0]).toEqual(['gz-zfw']);
    const realBenchmark = await chartData(page, 'chart-benchmark');
    expect(series(realBenchmark, '各部门').data).toEqual([]);
    expect(page.url()).toContain('synthetic=0');

    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens the real department’s indicator among overlapping synthetic points', async () => {
    const { page, errors } = await openDashboard(server, '#dept=gz-zfw');
    await clickTargetPoint(page, 'gz-zfw', '打造示范项目');
    const panel = page.locator('#indicator-panel');
    await expect(panel.locator('.indicator-name').innerText()).resolves.toBe('打造示范项目');
    expect(await panel.locator('.panel-dept').innerText()).toContain('真实报告');
    expect(await panel.locator('.source-line').innerText()).toBe('第 578 行');
    expect(await panel.innerText()).toContain('第 7 页');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers downloads with the chart’s numbers (CSV and XLSX)', async () => {
    const { page } = await openDashboard(server, '#dept=gz-zfw');

    // Structure: CSV and XLSX against the GraphQL answer, part by part.
    const structure = await downloads(page, 'structure');
    expect(structure.operation).toBe('ExpenditureStructure');
    expect(structure.csv).toMatch(/^\/export\/ExpenditureStructure\.csv\?variables=/);
    const data = await answer<StructureAnswer>(server, 'ExpenditureStructure', structure.variables);
    const expected = new Map(
      data.expenditureStructure.flatMap((e) =>
        e.parts.map((p) => [`${e.department.code} ${p.key}`, p.final] as const),
      ),
    );
    const csv = byHeader(parseCsv(await (await fetchFrom(server, structure.csv)).text()));
    expect(csv).toHaveLength(expected.size);
    for (const row of csv)
      expect(Number(row['决算数（万元）'])).toBe(expected.get(`${row['部门编码']} ${row['部分']}`));
    const xlsx = await readXlsx(server, structure.xlsx, '支出结构');
    expect(xlsx).toHaveLength(expected.size);
    for (const row of xlsx)
      expect(row['决算数（万元）']).toBe(expected.get(`${row['部门编码']} ${row['部分']}`));

    // Benchmark: every department's value, as drawn and as downloaded.
    const bench = await downloads(page, 'benchmark');
    expect(bench.operation).toBe('Benchmark');
    const benchmark = await answer<{
      benchmark: { entries: { department: { code: string }; value: number | null }[] };
    }>(server, 'Benchmark', bench.variables);
    const values = new Map(benchmark.benchmark.entries.map((e) => [e.department.code, e.value]));
    const sheet = await readXlsx(server, bench.xlsx, '部门排名');
    expect(sheet).toHaveLength(values.size);
    for (const row of sheet)
      expect(row['数值'] ?? null).toBe(values.get(String(row['部门编码'])) ?? null);
    const drawn = await chartData(page, 'chart-benchmark');
    const dots = [...series(drawn, '各部门').data, ...series(drawn, '所选部门').data] as {
      code: string;
      value: [string, number];
    }[];
    for (const dot of dots) expect(dot.value[1]).toBe(values.get(dot.code));

    // Targets: the operation the chart reads, downloadable with the chart's variables.
    const targets = await downloads(page, 'targets');
    expect(['LowTargetRisk', 'OvershootIndicators']).toContain(targets.operation);
    expect((await fetchFrom(server, targets.csv)).headers.get('content-type')).toContain(
      'text/csv',
    );
    await page.close();
  });
});
