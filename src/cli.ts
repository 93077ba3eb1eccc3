import { parseArgs } from 'node:util';
import { AnalyticsInputError } from './analytics/analytics-error.js';
import { exportCommand, importCommand } from './cli/bulk-commands.js';
import { processIo, UsageError, type CliIo } from './cli/cli-io.js';
import { generateCommand } from './cli/generate-command.js';
import { ingestCommand } from './cli/ingest-command.js';
import { normalizeCommand } from './cli/normalize-command.js';
import { snapshotCommand } from './cli/snapshot-command.js';
import { tokenCommand } from './cli/token-command.js';
import { TokenFileError } from './access/token-file.js';
import { TokenFileBusyError } from './access/token-file-lock.js';
import { UnknownTokenError } from './access/token-store.js';
import { validateCommand } from './cli/validate-command.js';
import { loadConfig, type Config } from './config.js';
import { SnapshotStoreError } from './db/snapshot-store.js';
import { WriterBusyError } from './db/writer-lock.js';
import { BulkImportError } from './ingest/bulk/bulk-import.js';
import { RegistryError } from './ingest/load/department-registry.js';
import { ReportFileError } from './ingest/load/report-text.js';
import { PdfReadError } from './ingest/pdf/pdf-read-error.js';
import { ReportLoadError } from './ingest/load/report-load-error.js';
import { ReportParseError } from './ingest/report/report-parse-error.js';
import { serveUntilStopped } from './server.js';

const USAGE = `usage: jixiao <command> [options]

  ingest <files|dirs> [--replace] [--synthetic] [--departments CSV]
                        parse and load reports (.txt or .pdf), one transaction per report
  validate <files|dirs> parse and reconcile reports (.txt or .pdf) without writing: per file
                        the template, each part found / empty / missing, every finding;
                        then a summary table
  normalize             read {"name","target","actual"} JSON lines on stdin, write the measures
  import <dir> [--format parquet|csv|ndjson] [--replace]
                        import canonical tables in one transaction (CSV titles in
                        Chinese or English, with or without a BOM)
  export <dir> [--format parquet|csv|ndjson] [--headers zh|en] [--years 2019-2024]
                        write canonical tables (for BI tools, Excel or another jixiao);
                        CSV in UTF-8 with a BOM, Chinese titles unless --headers en
  generate --departments N --years 2019-2024 [--seed S] [--out DIR] [--render-text DIR]
                        generate a SYNTHETIC (demo) corpus: into the database, or as canonical
                        Parquet files with --out; --render-text also writes report texts
  serve [--workers N]   start the GraphQL server (as npm start); --workers: N read-only
                        server processes behind the one port (JIXIAO_WORKERS, default 1)
  snapshot list         the kept snapshots of the database, the current one marked *
  snapshot rollback [VERSION]
                        serve the previous snapshot again (or the one named); a running
                        server swaps to it without a restart
  token create --role ADMIN|ANALYST|DEPARTMENT:<code> [--name <label>] [--expires <when>]
                        a new API token, printed once; <when>: 90d, 12h, 2027-06-30 or never
                        (default 365d)
  token list            the tokens of the tokens file (JIXIAO_TOKENS): id, role, name, dates
  token revoke <id>     revoke a token; a running server refuses it from its next request

The database is JIXIAO_DB (default data/jixiao.duckdb), kept as snapshots in the folder beside
it (data/jixiao.snapshots/); commands that write publish a new snapshot, which a running server
serves without a restart. See the README for every setting.`;

const OPTIONS = {
  replace: { type: 'boolean' },
  synthetic: { type: 'boolean' },
  departments: { type: 'string' },
  format: { type: 'string' },
  headers: { type: 'string' },
  years: { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string' },
  'render-text': { type: 'string' },
  role: { type: 'string' },
  name: { type: 'string' },
  expires: { type: 'string' },
  workers: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Errors that are the input's fault: their message is the whole story. */
function isInputError(error: unknown): boolean {
  return [
    ReportParseError,
    ReportLoadError,
    ReportFileError,
    PdfReadError,
    BulkImportError,
    RegistryError,
    AnalyticsInputError,
    WriterBusyError,
    SnapshotStoreError,
    TokenFileError,
    TokenFileBusyError,
    UnknownTokenError,
  ].some((type) => error instanceof type);
}

/** An error of node:util's parseArgs (unknown option, missing value, stray positional). */
function isArgumentError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

/** `serve --workers N`: the option wins over JIXIAO_WORKERS. */
function withWorkers(config: Config, option: string | undefined): Config {
  if (option === undefined) return config;
  const workers = Number(option);
  if (!Number.isInteger(workers) || workers < 1)
    throw new UsageError(`--workers must be a whole number of at least 1, got "${option}"`);
  return { ...config, workers };
}

/** Runs the CLI with arguments (without node and script) and returns the exit code. */
export async function main(
  argv: string[],
  io: CliIo = processIo,
  config: Config = loadConfig(),
): Promise<number> {
  try {
    const { positionals, values } = parseArgs({
      args: argv,
      options: OPTIONS,
      allowPositionals: true,
    });
    const [command, ...rest] = positionals;
    if (values.help || !command) {
      io.out(USAGE);
      return command || values.help ? 0 : 2;
    }
    switch (command) {
      case 'ingest':
        return await ingestCommand(rest, values, config, io);
      case 'validate':
        return await validateCommand(rest, io);
      case 'normalize':
        return await normalizeCommand(io);
      case 'import':
        return await importCommand(rest[0], values, config, io);
      case 'export':
        return await exportCommand(rest[0], values, config, io);
      case 'generate':
        return await generateCommand(values, config, io);
      case 'snapshot':
        return await snapshotCommand(rest, config, io);
      case 'token':
        return await tokenCommand(rest, values, config, io);
      case 'serve':
        return await serveUntilStopped(withWorkers(config, values.workers), io.out);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError || isArgumentError(error)) {
      io.err(`error: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    io.err(`error: ${error instanceof Error ? error.message : String(error)}`);
    if (!isInputError(error) && error instanceof Error && error.stack && process.env.JIXIAO_DEBUG)
      io.err(error.stack);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
