/**
 * A minimal GraphQL-over-HTTP client for benchmarks: POST over one kept-alive connection to
 * 127.0.0.1, the whole body read and parsed, as a dashboard would. node:http rather than fetch,
 * whose per-request overhead would be charged to the server.
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
  post(query: string, operationName: string, variables: unknown): Promise<GraphQLResponse> {
    const payload = JSON.stringify({ query, operationName, variables });
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
          res.on('end', () => {
            const text = Buffer.concat(chunks);
            try {
              resolve({
                status: res.statusCode ?? 0,
                body: JSON.parse(text.toString('utf8')) as GraphQLResponse['body'],
                bytes: text.length,
              });
            } catch (error) {
              reject(error);
            }
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Closes the kept-alive connection. */
  close(): void {
    this.agent.destroy();
  }
}
