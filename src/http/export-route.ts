import type { BoundRequest } from './request-guard.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { Reader } from '../analytics/reader.js';
import type { GraphQLContext } from '../graphql/context.js';
import type { ExampleOperation } from '../graphql/example-operations.js';
import type { Viewer } from '../graphql/viewer.js';
import type { RequestBudget } from '../graphql/request-budget.js';
import { aboutLines, type WrittenTable } from './export-about.js';
import { toCsv } from './export-csv.js';
import { ExportError } from './export-error.js';
import { executeForExport } from './export-execute.js';
import { contentDisposition, exportFileName } from './export-file-name.js';
import { operationExports } from './export-operations.js';
import { planExports, type ExportPlan } from './export-plan.js';
import { parseExportRequest, type ExportRequest } from './export-request.js';
import { entitiesOf, rowCount, tableRows, valueAt, type TableSpec } from './export-rows.js';
import type { OperationExport } from './export-spec.js';
import { toXlsx } from './export-xlsx.js';

/**
 * Rows one download may hold, over all its sheets. The GraphQL limits bound the work of the
 * query; this bounds the file (an .xlsx of 100,000 rows is tens of megabytes in memory).
 */
export const DEFAULT_MAX_EXPORT_ROWS = 100_000;

export interface ExportRouteOptions {
  apollo: ApolloServer<GraphQLContext>;
  db: Reader;
  operations: readonly ExampleOperation[];
  maps?: readonly OperationExport[];
  maxRows?: number;
  /** The clock of the about sheet (tests fix it). */
  now?: () => Date;
  /** Puts a download under its request's budget, with `db` bound to it (request-guard.ts). */
  begin?: (req: IncomingMessage, res: ServerResponse) => BoundRequest;
}

/**
 * Handles `GET /export/<OperationName>.csv|.xlsx`: runs the operation as the request's viewer
 * (its bearer token's role, as on /graphql) and sends it as a file.
 */
export type ExportRoute = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  viewer: Viewer,
) => Promise<void>;

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

function sendError(res: ServerResponse, error: ExportError): void {
  const body = JSON.stringify(error.toJSON());
  const headers: Record<string, string | number> = {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  };
  if (error.status === 405) headers.allow = 'GET';
  res.writeHead(error.status, headers);
  res.end(body);
}

/** The shortest part of a path that is null in the answer (`report`, not `report.indicators`). */
function nullPrefix(data: unknown, path: string): string {
  const keys = path.split('.');
  for (let i = 1; i <= keys.length; i++) {
    const prefix = keys.slice(0, i).join('.');
    if (valueAt(data, prefix) === null) return prefix;
  }
  return path;
}

function chooseTables(plan: ExportPlan, request: ExportRequest): readonly TableSpec[] {
  if (plan.tables.length === 0)
    throw new ExportError(
      404,
      'NOT_FOUND',
      `${plan.operation} selects none of the lists of its download map`,
    );
  if (request.list === undefined)
    return request.format === 'csv' ? plan.tables.slice(0, 1) : plan.tables;
  const table = plan.tables.find((t) => t.list.name === request.list);
  if (!table)
    throw new ExportError(
      400,
      'BAD_REQUEST',
      `unknown list "${request.list}" for ${plan.operation}; lists: ${plan.tables.map((t) => t.list.name).join(', ')}`,
    );
  return [table];
}

/** Builds the download handler over the named operations and their maps. */
export function createExportRoute(options: ExportRouteOptions): ExportRoute {
  const plans = planExports(options.operations, options.maps ?? operationExports);
  const maxRows = options.maxRows ?? DEFAULT_MAX_EXPORT_ROWS;
  const now = options.now ?? (() => new Date());

  async function respond(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    viewer: Viewer,
  ): Promise<void> {
    if (req.method !== 'GET')
      throw new ExportError(405, 'METHOD_NOT_ALLOWED', `${req.method} not allowed: use GET`);
    const request = parseExportRequest(url);
    const plan = plans.get(request.operation);
    if (!plan)
      throw new ExportError(
        404,
        'NOT_FOUND',
        `unknown operation ${request.operation}; downloads exist for ${[...plans.keys()].join(', ')}`,
      );
    const tables = chooseTables(plan, request);
    const bound = options.begin?.(req, res);
    const data = await executeForExport(
      options.apollo,
      bound?.db ?? options.db,
      plan,
      request.variables,
      viewer,
      bound?.budget,
      bound?.dataVersion,
      bound?.departments,
    );

    const found = tables.map((table) => entitiesOf(data, table.list));
    if (found.every((entities) => entities === null))
      throw new ExportError(
        404,
        'NOT_FOUND',
        `${plan.operation} found nothing for these variables: ${nullPrefix(data, tables[0]?.list.path ?? '')} is null`,
      );
    const total = tables.reduce(
      (n, table, i) => n + rowCount(found[i] ?? [], table.list.explode),
      0,
    );
    if (total > maxRows)
      throw new ExportError(
        400,
        'EXPORT_TOO_LARGE',
        `export of ${plan.operation} has ${total} rows, more than the limit of ${maxRows}; narrow it with variables (years, departments)`,
      );

    const zh = request.headers === 'zh';
    const written: WrittenTable[] = tables.map((table, i) => ({
      sheet: zh ? table.list.zh : table.list.name,
      columns: table.columns,
      rows: tableRows(data, found[i] ?? [], table),
    }));
    const header = (t: WrittenTable) => t.columns.map((c) => (zh ? c.zh : c.en));
    const variables = { ...Object.fromEntries(plan.variables), ...request.variables };
    const listWord = request.list !== undefined && request.list !== plan.tables[0]?.list.name;
    const fileName = exportFileName(
      plan.operation,
      [...plan.fileName.map((name) => variables[name]), listWord ? request.list : null],
      request.format,
    );

    let body: Buffer;
    if (request.format === 'csv') {
      const table = written[0]!;
      body = Buffer.from(toCsv(header(table), table.rows), 'utf8');
    } else {
      const generated = now();
      const about = aboutLines({
        operation: plan.operation,
        variables,
        generated,
        query: plan.query,
        tables: written,
        headers: request.headers,
      });
      body = await toXlsx(
        written.map((t) => ({
          name: t.sheet,
          header: header(t),
          rows: t.rows,
          numberFormats: t.columns.map((c) => c.numberFormat),
        })),
        about,
        generated,
      );
    }
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[request.format],
      'content-length': body.length,
      'content-disposition': contentDisposition(fileName),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(body);
  }

  return async (req, res, url, viewer) => {
    try {
      await respond(req, res, url, viewer);
    } catch (error) {
      if (error instanceof ExportError && !res.headersSent) return sendError(res, error);
      throw error;
    }
  };
}
