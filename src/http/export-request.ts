import { ExportError } from './export-error.js';

/** The path prefix of downloads: `/export/<OperationName>.csv` or `.xlsx`. */
export const EXPORT_PREFIX = '/export/';

export type ExportFormat = 'csv' | 'xlsx';
export type HeaderLanguage = 'zh' | 'en';

/** What a download asks for, read from its URL. */
export interface ExportRequest {
  operation: string;
  format: ExportFormat;
  /** The `variables` parameter, parsed: a JSON object (empty when absent). */
  variables: Record<string, unknown>;
  headers: HeaderLanguage;
  /** One list only (`list=`); a CSV holds the operation's first list without it. */
  list: string | undefined;
}

const PARAMETERS = ['variables', 'headers', 'list'];

function single(url: URL, name: string): string | undefined {
  const values = url.searchParams.getAll(name);
  if (values.length > 1) throw new ExportError(400, 'BAD_REQUEST', `parameter ${name} given twice`);
  return values[0];
}

function parseVariables(raw: string | undefined): Record<string, unknown> {
  if (raw === undefined || raw.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ExportError(400, 'BAD_REQUEST', `variables is not valid JSON: ${reason}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new ExportError(
      400,
      'BAD_REQUEST',
      'variables must be a JSON object such as {"year":2023}',
    );
  return value as Record<string, unknown>;
}

/**
 * Reads a download URL. Unknown parameters are refused rather than ignored: `header=en` or
 * `variable=…` would otherwise give a file that silently differs from what was asked.
 */
export function parseExportRequest(url: URL): ExportRequest {
  const file = url.pathname.slice(EXPORT_PREFIX.length);
  const match = /^([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z0-9]+)$/.exec(file);
  if (!match)
    throw new ExportError(
      404,
      'NOT_FOUND',
      `not found: ${url.pathname}; downloads are ${EXPORT_PREFIX}<OperationName>.csv or .xlsx`,
    );
  const [, operation, extension] = match as unknown as [string, string, string];
  if (extension !== 'csv' && extension !== 'xlsx')
    throw new ExportError(404, 'NOT_FOUND', `no .${extension} download: use .csv or .xlsx`);
  for (const name of new Set(url.searchParams.keys()))
    if (!PARAMETERS.includes(name))
      throw new ExportError(
        400,
        'BAD_REQUEST',
        `unknown parameter ${name}; a download takes ${PARAMETERS.join(', ')}`,
      );
  const headers = single(url, 'headers') ?? 'zh';
  if (headers !== 'zh' && headers !== 'en')
    throw new ExportError(400, 'BAD_REQUEST', `headers must be zh or en, got "${headers}"`);
  return {
    operation,
    format: extension,
    variables: parseVariables(single(url, 'variables')),
    headers,
    list: single(url, 'list'),
  };
}
