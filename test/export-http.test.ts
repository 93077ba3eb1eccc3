import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExampleOperations } from '../src/graphql/example-operations.js';
import { schema } from '../src/graphql/schema.js';
import { createHttpApp, type HttpApp, type HttpAppOptions } from '../src/http/http-app.js';
import { toCsv } from '../src/http/export-csv.js';
import { operationExports } from '../src/http/export-operations.js';
import { postGraphQL, startTestServer } from './support/test-server.js';

/**
 * Downloads under /export/: the same operation as over GraphQL, flattened to one row per entity,
 * as CSV (BOM, RFC 4180, CRLF) or XLSX read back with exceljs. The server carries the real
 * report and the synthetic demo corpus, so that a benchmark has many peers and a workbook has
 * synthetic rows to declare.
 */

let server: Awaited<ReturnType<typeof startTestServer>>;
let base: string;
beforeAll(async () => {
  server = await startTestServer({ loadDemo: true });
  base = server.url.replace(/\/graphql$/, '');
});
afterAll(async () => server.cleanup());

const operations = new Map(readExampleOperations().map((op) => [op.name, op.query]));

interface Download {
  status: number;
  headers: Headers;
  body: Buffer;
}

function exportUrl(
  file: string,
  params: { variables?: unknown; headers?: string; list?: string } = {},
): string {
  const search = new URLSearchParams();
  if (params.variables !== undefined) search.set('variables', JSON.stringify(params.variables));
  if (params.headers) search.set('headers', params.headers);
  if (params.list) search.set('list', params.list);
  const query = search.toString();
  return `/export/${file}${query ? `?${query}` : ''}`;
}

/** Fetches a path and reads the whole body (Apollo's drain waits for unread bodies). */
async function download(path: string, root = base, init?: RequestInit): Promise<Download> {
  const response = await fetch(root + path, init);
  return {
    status: response.status,
    headers: response.headers,
    body: Buffer.from(await response.arrayBuffer()),
  };
}

/** RFC 4180 read back, strictly: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else field += text[i++];
      }
    } else if (text[i] === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (text.startsWith('\r\n', i)) {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (text[i] === '\r' || text[i] === '\n') {
      throw new Error(`bare line break at ${i}: records end with CRLF`);
    } else field += text[i++];
  }
  if (field !== '' || row.length > 0) throw new Error('last record without CRLF');
  return rows;
}

/** A CSV download as its rows, the header first; checks the BOM on the way. */
function csvRows(download: Download): string[][] {
  expect([...download.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(download.body.subarray(3).toString('utf8'));
}

/** Each sheet of an .xlsx download as rows of cell values (null for an empty cell). */
async function xlsxSheets(body: Buffer): Promise<Map<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types load() with a Buffer of its own that is an ArrayBuffer.
  await workbook.xlsx.load(new Uint8Array(body).buffer);
  const sheets = new Map<string, unknown[][]>();
  workbook.eachSheet((sheet) => {
    const width = sheet.getRow(1).cellCount;
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      rows.push(Array.from({ length: width }, (_, i) => row.getCell(i + 1).value ?? null));
    });
    sheets.set(sheet.name, rows);
  });
  return sheets;
}

/** A number as the GraphQL answer's JSON writes it; null as an empty field. */
const asText = (value: unknown) =>
  value === null || value === undefined
    ? ''
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);

const benchmarkVariables = { metric: 'BASIC_SHARE', year: 2023, peerGroup: 'ALL' };

interface BenchmarkAnswer {
  benchmark: {
    count: number;
    min: number;
    median: number;
    max: number;
    mean: number;
    stddev: number | null;
    syntheticCount: number;
    templates: string[];
    entries: {
      department: { code: string; name: string; synthetic: boolean };
      peerKey: string;
      value: number | null;
      valueText: string | null;
      rank: number | null;
      percentile: number | null;
      percentileText: string | null;
      zScore: number | null;
      outlier: boolean;
    }[];
  };
}

describe('exports hold what GraphQL answers', () => {
  let answer: BenchmarkAnswer['benchmark'];
  beforeAll(async () => {
    const response = await postGraphQL<BenchmarkAnswer>(
      server.url,
      operations.get('Benchmark')!,
      benchmarkVariables,
    );
    expect(response.errors).toBeUndefined();
    answer = response.data!.benchmark;
    // Enough peers that ranks, percentiles and z-scores are numbers, not nulls.
    expect(answer.entries.length).toBeGreaterThan(20);
    expect(answer.entries.some((e) => e.zScore !== null && !Number.isInteger(e.zScore))).toBe(true);
  });

  it('Benchmark as CSV: one row per entry, every number as GraphQL wrote it', async () => {
    const csv = await download(exportUrl('Benchmark.csv', { variables: benchmarkVariables }));
    expect(csv.status).toBe(200);
    const [, ...rows] = csvRows(csv);
    expect(rows).toEqual(
      answer.entries.map((e) =>
        [
          e.department.code,
          e.department.name,
          e.department.synthetic,
          e.peerKey,
          e.value,
          e.valueText,
          e.rank,
          e.percentile,
          e.percentileText,
          e.zScore,
          e.outlier,
        ].map(asText),
      ),
    );
  });

  it('Benchmark as XLSX: entries, groups and summary sheets with numeric cells equal to the answer', async () => {
    const xlsx = await download(exportUrl('Benchmark.xlsx', { variables: benchmarkVariables }));
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const sheets = await xlsxSheets(xlsx.body);
    expect([...sheets.keys()]).toEqual(['部门排名', '同类组分布', '总体分布', '说明']);
    const [header, ...rows] = sheets.get('部门排名')!;
    expect(header).toEqual([
      '部门编码',
      '部门名称',
      '合成数据',
      '同类组',
      '数值',
      '数值（显示）',
      '排名',
      '百分位',
      '百分位（显示）',
      'Z分数',
      '离群值',
    ]);
    expect(rows).toEqual(
      answer.entries.map((e) => [
        e.department.code,
        e.department.name,
        e.department.synthetic,
        e.peerKey,
        e.value,
        e.valueText,
        e.rank,
        e.percentile,
        e.percentileText,
        e.zScore,
        e.outlier,
      ]),
    );
    // Real numeric cells, not numbers stored as text.
    expect(rows.every((row) => typeof row[4] === 'number')).toBe(true);

    const [summaryHeader, summary] = sheets.get('总体分布')!;
    const at = (title: string) => summary![summaryHeader!.indexOf(title)];
    expect(at('部门数')).toBe(answer.count);
    expect(at('中位数')).toBe(answer.median);
    expect(at('平均值')).toBe(answer.mean);
    expect(at('标准差')).toBe(answer.stddev);
    expect(at('合成部门数')).toBe(answer.syntheticCount);
    expect(at('报告模板')).toBe(answer.templates.join(';'));
  });

  it('Benchmark as XLSX: the percentile column shows percentages and keeps the exact fraction', async () => {
    const workbook = new ExcelJS.Workbook();
    const xlsx = await download(exportUrl('Benchmark.xlsx', { variables: benchmarkVariables }));
    await workbook.xlsx.load(new Uint8Array(xlsx.body).buffer);
    const sheet = workbook.getWorksheet('部门排名')!;
    const titles = (sheet.getRow(1).values as unknown[]).slice(1);
    const percentile = titles.indexOf('百分位') + 1;
    const value = titles.indexOf('数值') + 1;
    const placed = answer.entries
      .map((e, i) => ({ e, cell: sheet.getRow(i + 2).getCell(percentile) }))
      .filter(({ e }) => e.percentile !== null);
    expect(placed.length).toBeGreaterThan(20);
    for (const { e, cell } of placed) {
      expect(cell.value).toBe(e.percentile);
      expect(cell.numFmt).toBe('0.00%');
    }
    // BASIC_SHARE values are fractions too, but a benchmark's value column follows the metric
    // (万元 or 分 for others): it stays unformatted, and 数值（显示） reads it.
    expect(sheet.getRow(2).getCell(value).numFmt).toBeUndefined();
    const real = answer.entries.findIndex((e) => e.department.code === 'gz-zfw');
    expect(sheet.getRow(real + 2).getCell(titles.indexOf('数值（显示）') + 1).value).toBe('66.86%');
  });

  it('freezes the header row of each data sheet', async () => {
    const xlsx = await download(exportUrl('Benchmark.xlsx', { variables: benchmarkVariables }));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx.body).buffer);
    const views = workbook.getWorksheet('部门排名')!.views[0] as { state: string; ySplit?: number };
    expect(views).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('says in the 说明 sheet what ran, when, and that synthetic demo departments are included', async () => {
    const before = Date.now();
    const xlsx = await download(exportUrl('Benchmark.xlsx', { variables: benchmarkVariables }));
    const about = new Map(
      (await xlsxSheets(xlsx.body)).get('说明')!.map(([label, value]) => [label, String(value)]),
    );
    expect(about.get('操作')).toBe('Benchmark');
    expect(JSON.parse(about.get('变量')!)).toEqual({
      ...benchmarkVariables,
      departments: null,
      includeSynthetic: null,
    });
    const generated = Date.parse(about.get('生成时间')!);
    expect(about.get('生成时间')).toMatch(/\+08:00$/);
    expect(generated).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    const synthetic = answer.entries.filter((e) => e.department.synthetic);
    expect(synthetic.length).toBeGreaterThan(0);
    expect(about.get('合成数据')).toContain('含合成演示部门');
    expect(about.get('合成数据')).toContain(
      `部门排名：${synthetic.length} 行（${synthetic.length} 个部门），synthetic 列为 true`,
    );
    expect(about.get('查询')).toBe(operations.get('Benchmark')!.trim());
  });
});

describe('CSV', () => {
  it('starts with a UTF-8 BOM, has Chinese headers by default and English ones with headers=en', async () => {
    const zh = await download(exportUrl('Benchmark.csv', { variables: benchmarkVariables }));
    const en = await download(
      exportUrl('Benchmark.csv', { variables: benchmarkVariables, headers: 'en' }),
    );
    expect(zh.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(zh.headers.get('content-disposition')).toBe(
      `attachment; filename="Benchmark-BASIC_SHARE-2023.csv"; filename*=UTF-8''Benchmark-BASIC_SHARE-2023.csv`,
    );
    expect(csvRows(zh)[0]).toEqual([
      '部门编码',
      '部门名称',
      '合成数据',
      '同类组',
      '数值',
      '数值（显示）',
      '排名',
      '百分位',
      '百分位（显示）',
      'Z分数',
      '离群值',
    ]);
    expect(csvRows(en)[0]).toEqual([
      'department.code',
      'department.name',
      'department.synthetic',
      'peerKey',
      'value',
      'valueText',
      'rank',
      'percentile',
      'percentileText',
      'zScore',
      'outlier',
    ]);
    // Same data under either header.
    expect(csvRows(en).slice(1)).toEqual(csvRows(zh).slice(1));
  });

  it('quotes a value with a comma, a quote and a line break so that it reads back whole', () => {
    const awkward = '甲,乙 "丙"\r\n丁\n戊';
    const text = toCsv(
      ['a', 'b,c', 'd'],
      [
        [awkward, 1.5, null],
        [true, -0.05, 'plain'],
      ],
    );
    expect(text).toBe('\uFEFFa,"b,c",d\r\n"甲,乙 ""丙""\r\n丁\n戊",1.5,\r\ntrue,-0.05,plain\r\n');
    expect(parseCsv(text.slice(1))).toEqual([
      ['a', 'b,c', 'd'],
      [awkward, '1.5', ''],
      ['true', '-0.05', 'plain'],
    ]);
  });

  it('picks a list with list=, names the file after it, and refuses an unknown list', async () => {
    const groups = await download(
      exportUrl('Benchmark.csv', { variables: benchmarkVariables, list: 'groups', headers: 'en' }),
    );
    expect(groups.status).toBe(200);
    expect(groups.headers.get('content-disposition')).toContain(
      'filename="Benchmark-BASIC_SHARE-2023-groups.csv"',
    );
    expect(csvRows(groups)[0]![0]).toBe('peerKey');
    const wrong = await download(exportUrl('Benchmark.csv', { list: 'nope' }));
    expect(wrong.status).toBe(400);
    expect(JSON.parse(wrong.body.toString()).errors[0].message).toBe(
      'unknown list "nope" for Benchmark; lists: entries, groups, summary',
    );
  });
});

describe('flattening', () => {
  interface Indicators {
    report: {
      id: string;
      indicators: { seq: number; name: string; measures: { target: number | null }[] }[];
    };
  }

  it('ReportFigures as CSV: the indicators of 表3, one row per measure, an indicator without measures kept', async () => {
    const graphql = await postGraphQL<Indicators>(server.url, operations.get('ReportFigures')!);
    const indicators = graphql.data!.report.indicators;
    const csv = await download(exportUrl('ReportFigures.csv', { headers: 'en' }));
    const [header, ...rows] = csvRows(csv);
    expect(header!.slice(0, 3)).toEqual(['report.id', 'seq', 'name']);
    expect(header).toContain('measures.target');
    const expected = indicators.flatMap((indicator) =>
      (indicator.measures.length > 0 ? indicator.measures : [null]).map((measure) => [
        graphql.data!.report.id,
        String(indicator.seq),
        indicator.name,
        asText(measure?.target),
      ]),
    );
    const at = (title: string) => header!.indexOf(title);
    expect(
      rows.map((row) => [
        row[at('report.id')],
        row[at('seq')],
        row[at('name')],
        row[at('measures.target')],
      ]),
    ).toEqual(expected);
    expect(indicators.some((i) => i.measures.length > 1)).toBe(true);
  });

  it('names the file after a Chinese variable in filename*, with an ASCII fallback', async () => {
    const response = await download(
      exportUrl('Departments.csv', { variables: { sector: '政法' } }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Departments-__.csv"; filename*=UTF-8''Departments-%E6%94%BF%E6%B3%95.csv`,
    );
  });
});

describe('every named operation', () => {
  it('downloads as CSV and XLSX with its default variables, one sheet per list plus 说明', async () => {
    for (const { operation, lists } of operationExports) {
      const csv = await download(exportUrl(`${operation}.csv`));
      expect({ operation, status: csv.status }).toEqual({ operation, status: 200 });
      const rows = csvRows(csv);
      expect(rows.every((row) => row.length === rows[0]!.length)).toBe(true);

      const xlsx = await download(exportUrl(`${operation}.xlsx`));
      expect({ operation, status: xlsx.status }).toEqual({ operation, status: 200 });
      expect([...(await xlsxSheets(xlsx.body)).keys()]).toEqual([
        ...lists.map((l) => l.zh),
        '说明',
      ]);
    }
  });
});

describe('refusals', () => {
  const errorOf = (d: Download) =>
    (
      JSON.parse(d.body.toString('utf8')) as {
        errors: { message: string; extensions?: { code?: string } }[];
      }
    ).errors;

  it('answers an unknown operation with 404 naming it', async () => {
    const response = await download('/export/NoSuchOperation.csv');
    expect(response.status).toBe(404);
    expect(errorOf(response)[0]!.message).toMatch(
      /^unknown operation NoSuchOperation; downloads exist for ReportFigures, /,
    );
  });

  it('answers a bad variables parameter with 400 naming the problem', async () => {
    const broken = await download('/export/Benchmark.csv?variables=%7Byear%3A2023%7D');
    expect(broken.status).toBe(400);
    expect(errorOf(broken)[0]!.message).toMatch(/^variables is not valid JSON: /);

    const array = await download(exportUrl('Benchmark.csv', { variables: [2023] }));
    expect(array.status).toBe(400);
    expect(errorOf(array)[0]!.message).toMatch(/^variables must be a JSON object/);

    const typo = await download(exportUrl('Benchmark.csv', { variables: { yaer: 2023 } }));
    expect(typo.status).toBe(400);
    expect(errorOf(typo)[0]!.message).toBe(
      'unknown variable $yaer: Benchmark takes $metric, $year, $peerGroup, $departments, $includeSynthetic',
    );

    const notInt = await download(exportUrl('Benchmark.csv', { variables: { year: 'x' } }));
    expect(notInt.status).toBe(400);
    expect(errorOf(notInt)[0]!.message).toContain('Variable "$year" got invalid value "x"');

    const badHeaders = await download(exportUrl('Benchmark.csv', { headers: 'fr' }));
    expect(badHeaders.status).toBe(400);
    expect(errorOf(badHeaders)[0]!.message).toBe('headers must be zh or en, got "fr"');
  });

  it('passes on the errors GraphQL gives, with 400 and their messages', async () => {
    const response = await download(exportUrl('Departments.csv', { variables: { first: 100000 } }));
    expect(response.status).toBe(400);
    expect(errorOf(response)).toMatchObject([
      { message: 'first must be between 1 and 500', extensions: { code: 'BAD_USER_INPUT' } },
    ]);
  });

  it('answers a report that does not exist with 404', async () => {
    const response = await download(
      exportUrl('ReportFigures.xlsx', { variables: { department: 'nope', year: 2023 } }),
    );
    expect(response.status).toBe(404);
    expect(errorOf(response)[0]!.message).toBe(
      'ReportFigures found nothing for these variables: report is null',
    );
  });

  it('takes GET only', async () => {
    const response = await download('/export/Benchmark.csv', base, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  });

  it('keeps CSRF prevention on /graphql, which runs any query, while a download needs no header', async () => {
    const graphqlGet = await download('/graphql?query=%7Byears%7D');
    expect(graphqlGet.status).toBe(400);
    expect(graphqlGet.body.toString()).toMatch(/CSRF/i);
    expect((await download('/export/DataQuality.csv')).status).toBe(200);
  });
});

describe('limits', () => {
  const apps: HttpApp[] = [];
  /** The same app over the same database, with other limits; its base URL. */
  async function appWith(options: Partial<HttpAppOptions>): Promise<string> {
    const app = await createHttpApp({ schema, db: server.db.kysely, ...options });
    apps.push(app);
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  }
  afterAll(async () => {
    for (const app of apps) await app.stop();
  });

  it('refuses a download whose operation is over the GraphQL limits, with 400 naming the limit', async () => {
    const tight = await appWith({
      limits: { maxComplexity: 50, maxDepth: 12, maxBreadth: 600, maxAliases: 30 },
    });
    const response = await download(
      exportUrl('Benchmark.csv', { variables: benchmarkVariables }),
      tight,
    );
    expect(response.status).toBe(400);
    const [error] = JSON.parse(response.body.toString()).errors;
    expect(error.extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(error.message).toMatch(/complexity/i);

    const shallow = await appWith({
      limits: { maxComplexity: 200_000, maxDepth: 2, maxBreadth: 600, maxAliases: 30 },
    });
    const deep = await download(exportUrl('ReportFigures.xlsx'), shallow);
    expect(deep.status).toBe(400);
    expect(JSON.parse(deep.body.toString()).errors[0].message).toMatch(/depth/i);
  });

  it('refuses a download over the row limit with 400 saying how many rows', async () => {
    const small = await appWith({ maxExportRows: 10 });
    const response = await download(
      exportUrl('DataQuality.csv', { variables: { year: 2023 } }),
      small,
    );
    expect(response.status).toBe(400);
    const [error] = JSON.parse(response.body.toString()).errors;
    expect(error.extensions.code).toBe('EXPORT_TOO_LARGE');
    expect(error.message).toMatch(
      /^export of DataQuality has \d+ rows, more than the limit of 10; /,
    );
    const within = await download(
      exportUrl('DataQuality.csv', { variables: { year: 2023, departments: ['gz-zfw'] } }),
      small,
    );
    expect(within.status).toBe(200);
  });
});

describe('the real report', () => {
  interface Overshoot {
    department: { code: string; name: string };
    rule: string;
    attainment: number | null;
    indicator: { name: string };
    source: { page: number; line: number };
  }

  it('exports its 8 overshooting indicators with department, rule, attainment, indicator, page and line', async () => {
    const variables = { departments: ['gz-zfw'] };
    const graphql = await postGraphQL<{ overshootIndicators: Overshoot[] }>(
      server.url,
      operations.get('OvershootIndicators')!,
      variables,
    );
    const expected = graphql.data!.overshootIndicators;
    const csv = await download(exportUrl('OvershootIndicators.csv', { variables }));
    const [header, ...rows] = csvRows(csv);
    expect(rows).toHaveLength(8);
    const column = (title: string) => rows.map((row) => row[header!.indexOf(title)]);
    expect(column('部门编码')).toEqual(expected.map((e) => e.department.code));
    expect(column('部门名称')).toEqual(expected.map((e) => e.department.name));
    expect(column('规则')).toEqual(expected.map((e) => e.rule));
    expect(column('完成比')).toEqual(expected.map((e) => asText(e.attainment)));
    expect(column('指标名称')).toEqual(expected.map((e) => e.indicator.name));
    expect(column('页码')).toEqual(expected.map((e) => String(e.source.page)));
    expect(column('行号')).toEqual(expected.map((e) => String(e.source.line)));
    expect(column('页码').every((page) => /^\d+$/.test(page!))).toBe(true);
  });

  it('keeps the exact 表2 total: 10105.79 in the CSV and the number 10105.79 in the XLSX', async () => {
    const variables = { department: 'gz-zfw', year: 2023 };
    const csv = await download(exportUrl('ReportFigures.csv', { variables, list: 'report' }));
    const [header, row] = csvRows(csv);
    expect(row![header!.indexOf('本年支出合计·决算数（万元）')]).toBe('10105.79');
    expect(csv.body.toString('utf8')).toContain(',10105.79,');

    const xlsx = await download(exportUrl('ReportFigures.xlsx', { variables }));
    const sheets = await xlsxSheets(xlsx.body);
    const [reportHeader, report] = sheets.get('报告')!;
    const total = report![reportHeader!.indexOf('本年支出合计·决算数（万元）')];
    expect(typeof total).toBe('number');
    expect(total).toBe(10105.79);
    expect(report![reportHeader!.indexOf('合成数据')]).toBe(false);
    const about = new Map(sheets.get('说明')!.map(([label, value]) => [label, value]));
    expect(about.get('合成数据')).toBe('不含合成演示部门。');
  });
});
