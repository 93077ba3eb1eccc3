import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LiveData } from '../db/live-database.js';
import { requireAdmin, type Viewer } from '../graphql/viewer.js';
import type { Readiness } from './readiness.js';

/**
 * The response header naming the data version (the snapshot) an answer was computed from: a
 * client or a cache in front can tell answers of different data apart by it.
 */
export const DATA_VERSION_HEADER = 'jixiao-data-version';

/** `POST /admin/reload`: serve the current snapshot now, without waiting for the watcher. */
export const ADMIN_RELOAD_PATH = '/admin/reload';

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(body);
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });
}

/**
 * `GET /readyz`: ready to answer, and from which data. Unlike `/healthz` (the process is alive)
 * it names the data version, so a deployment script can wait until a published snapshot is
 * served, and the migrations of that data against the code's. 503 with the reason when the
 * server should not be sent requests: its data is not at the code's migrations, or it is
 * shutting down (a load balancer then stops sending it any).
 */
export function sendReadiness(
  res: ServerResponse,
  data: LiveData | undefined,
  readiness: Readiness,
): void {
  const dataVersion = data?.version ?? null;
  const { migrations } = readiness;
  if (readiness.ready) sendJson(res, 200, { status: 'ready', dataVersion, migrations });
  else
    sendJson(res, 503, { status: 'not ready', reason: readiness.reason, dataVersion, migrations });
}

/**
 * `POST /admin/reload` for an ADMIN: swaps to the snapshot the pointer names, retrying one that
 * failed before (the watcher reports a bad snapshot once and leaves it). 200 with the version
 * served (`swapped` or `unchanged`); 500 when the snapshot could not be served, with why (the
 * old one is still served). Then `afterReload`: a worker process has the others reload too.
 */
export async function reloadData(
  req: IncomingMessage,
  res: ServerResponse,
  viewer: Viewer,
  data: LiveData | undefined,
  afterReload?: () => void,
): Promise<void> {
  if (req.method !== 'POST')
    return sendError(res, 405, 'METHOD_NOT_ALLOWED', `${req.method} not allowed: use POST`);
  try {
    requireAdmin({ viewer });
  } catch (error) {
    return sendError(res, 403, 'FORBIDDEN', (error as Error).message);
  }
  if (!data)
    return sendError(
      res,
      404,
      'NOT_FOUND',
      'this server serves fixed data: there is nothing to reload',
    );
  const outcome = await data.refresh({ force: true });
  // As SIGHUP to the primary does: every worker reloads, whatever this one found.
  afterReload?.();
  sendJson(res, outcome.status === 'failed' ? 500 : 200, {
    status: outcome.status,
    dataVersion: outcome.version,
    ...(outcome.previous ? { previous: outcome.previous } : {}),
    ...(outcome.status === 'failed'
      ? { candidate: outcome.candidate, reason: outcome.reason }
      : {}),
  });
}
