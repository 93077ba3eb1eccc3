/**
 * A minimal GraphQL-over-HTTP client for benchmarks: POST over one kept-alive connection to
 * 127.0.0.1, the whole body read and parsed, as a dashboard would (or only read, to rate the
 * server alone). node:http rather than fetch, whose per-request overhead would be charged to the
 * server.
 */
import { Agent, request } from 'node:http';

/** A parsed GraphQL response and its size on the wire. */
export interface GraphQLResponse {
  status: number;
  body: { data?: unknown; errors?: { message: string }[] };
  bytes: number;
}

/** Posts named operations to one GraphQL endpoint. */
export class GraphQLClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });
  private readonly url: URL;

  constructor(url: string) {
    this.url = new URL(url);
    if (this.url.hostname !== '127.0.0.1' && this.url.hostname !== 'localhost')
      throw new Error(`benchmarks talk to 127.0.0.1 only, not ${this.url.hostname}`);
  }

  /** Runs one operation and returns its parsed response (HTTP errors included, not thrown). */
  async post(query: string, operationName: string, variables: unknown): Promise<GraphQLResponse> {
    const { status, body } = await this.exchange(query, operationName, variables);
    return {
      status,
      body: JSON.parse(body.toString('utf8')) as GraphQLResponse['body'],
      bytes: body.length,
    };
  }

  /**
   * Runs one operation and reads its whole response without parsing it: what a load generator
   * such as wrk does, so that a rate measures the server rather than this client's JSON.parse.
   */
  async postUnparsed(
    query: string,
    operationName: string,
    variables: unknown,
  ): Promise<{ status: number; bytes: number }> {
    const { status, body } = await this.exchange(query, operationName, variables);
    return { status, bytes: body.length };
  }

  private async exchange(
    query: string,
    operationName: string,
    variables: unknown,
  ): Promise<{ status: number; body: Buffer }> {
    const payload = JSON.stringify({ query, operationName, variables });
    try {
      return await this.send(payload);
    } catch (error) {
      // The server closes a kept-alive connection left idle past its keep-alive timeout (5 s),
      // as one is while a long SQL side runs; a request sent on it just then is reset before
      // the server reads it. Sent again on a new connection, as Node's documentation advises.
      if (error instanceof StaleConnectionError) return this.send(payload);
      throw error;
    }
  }

  private send(payload: string): Promise<{ status: number; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const req = request(
        this.url,
        {
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }),
          );
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) =>
        reject(
          req.reusedSocket && error.code === 'ECONNRESET' ? new StaleConnectionError() : error,
        ),
      );
      req.end(payload);
    });
  }

  /** Closes the kept-alive connection. */
  close(): void {
    this.agent.destroy();
  }
}

/** A request reset on a kept-alive connection that the server had just closed. */
class StaleConnectionError extends Error {
  constructor() {
    super('the kept-alive connection was closed by the server before the request was read');
  }
}
