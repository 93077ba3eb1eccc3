import type { IncomingMessage, ServerResponse } from 'node:http';
import { requireAdmin } from '../graphql/viewer.js';
import { authenticateOrRefuse, type AccessControl } from './access-control.js';
import type { AppMetrics } from './metrics.js';

/** Where Prometheus scrapes the app. */
export const METRICS_PATH = '/metrics';

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(body);
}

/**
 * `GET /metrics`: the app's metrics in Prometheus's text format, for an ADMIN. In local mode
 * every request is ADMIN (and comes from this machine); with tokens the scraper sends an ADMIN
 * bearer token, since the metrics name the operations clients run and the data version served.
 * With `text`, its answer instead (a worker process: every worker's metrics summed); when it
 * fails, 503 with the reason.
 */
export async function sendMetrics(
  req: IncomingMessage,
  res: ServerResponse,
  access: AccessControl,
  metrics: AppMetrics,
  text: () => Promise<string> = () => metrics.registry.metrics(),
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return sendError(res, 405, 'METHOD_NOT_ALLOWED', `${req.method} not allowed: use GET`);
  }
  const viewer = await authenticateOrRefuse(access, req, res);
  if (!viewer) return;
  try {
    requireAdmin({ viewer });
  } catch (error) {
    return sendError(res, 403, 'FORBIDDEN', (error as Error).message);
  }
  let body: string;
  try {
    body = await text();
  } catch (error) {
    return sendError(
      res,
      503,
      'METRICS_UNAVAILABLE',
      `metrics unavailable: ${(error as Error).message}`,
    );
  }
  res.writeHead(200, {
    'content-type': metrics.registry.contentType,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
