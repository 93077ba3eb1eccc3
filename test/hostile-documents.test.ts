import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDocumentShape } from '../src/graphql/document-shape.js';
import { readExampleOperations } from '../src/graphql/example-operations.js';
import { startTestServer } from './support/test-server.js';

/** Documents built to overflow graphql-js's recursion get a 400 that names the limit. */
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server.cleanup());

async function post(body: unknown) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      errors?: { message: string; extensions?: { code?: string } }[];
    },
  };
}

function fragmentChain(length: number): string {
  let text = 'query { ...F0 }\n';
  for (let i = 0; i < length; i++)
    text += `fragment F${i} on Query { ${i < length - 1 ? `...F${i + 1}` : 'years'} }\n`;
  return text;
}

const nestedList = (depth: number) =>
  `{ years @skip(if: ${'['.repeat(depth)}${']'.repeat(depth)}) }`;

describe('the document shape check', () => {
  it('passes every named operation', () => {
    for (const op of readExampleOperations()) expect(checkDocumentShape(op.query)).toBeNull();
  });

  it('does not count brackets or the word fragment inside strings and comments', () => {
    const text = `# fragment ${'{'.repeat(100)}\n{ departments(search: "fragment ${'['.repeat(100)}") { totalCount } }`;
    expect(checkDocumentShape(text)).toBeNull();
    expect(checkDocumentShape(`{ a(b: """ ${'('.repeat(100)} \\""" """) }`)).toBeNull();
  });

  it('refuses nesting one level over the limit, and not at the limit', () => {
    // The selection set and the argument list add two levels to the list's own.
    const limits = { maxNesting: 12, maxFragments: 100 };
    expect(checkDocumentShape(nestedList(10), limits)).toBeNull();
    expect(checkDocumentShape(nestedList(11), limits)?.code).toBe('QUERY_NESTED_TOO_DEEP');
  });

  it('refuses one fragment over the limit, and not at the limit', () => {
    const limits = { maxNesting: 64, maxFragments: 5 };
    expect(checkDocumentShape(fragmentChain(5), limits)).toBeNull();
    expect(checkDocumentShape(fragmentChain(6), limits)?.code).toBe('QUERY_TOO_MANY_FRAGMENTS');
  });
});

describe('hostile documents over HTTP', () => {
  it('refuses a chain of 5,000 fragments with a 400 naming the limit', async () => {
    const { status, body } = await post({ query: fragmentChain(5000) });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_MANY_FRAGMENTS');
    expect(body.errors?.[0]?.message).toContain('more than 100 fragments');
  });

  it('refuses a list literal nested 40,000 deep without a stack overflow message', async () => {
    const { status, body } = await post({ query: nestedList(40_000) });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_NESTED_TOO_DEEP');
    expect(JSON.stringify(body)).not.toContain('call stack');
  });

  it('refuses the same in a GET query string', async () => {
    const url = new URL(server.url);
    url.searchParams.set('query', nestedList(1_000));
    const response = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('QUERY_NESTED_TOO_DEEP');
  });

  it('answers a persisted query whose hash does not match its text with a 400 that says so', async () => {
    const { status, body } = await post({
      query: '{ years }',
      extensions: { persistedQuery: { version: 1, sha256Hash: 'xyz' } },
    });
    expect(status).toBe(400);
    expect(body.errors?.[0]).toMatchObject({
      message: 'provided sha does not match query',
      extensions: { code: 'BAD_REQUEST' },
    });
  });

  it('answers an unknown persisted query hash as the protocol says, not as a server error', async () => {
    const { body } = await post({
      extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } },
    });
    expect(body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('names a variable of the wrong type as bad input, not as an operation too complex', async () => {
    const { status, body } = await post({
      query: 'query ($y: Int!) { lowTargetRisk(year: $y) { rank } }',
      variables: { y: 'twenty' },
    });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('$y');
  });
});

describe('page sizes outside their documented range', () => {
  it.each([
    [
      '{ overshootIndicators(first: 100000) { year } }',
      'first must be between 1 and 10000, got 100000',
    ],
    ['{ overshootIndicators(first: 0) { year } }', 'first must be between 1 and 10000, got 0'],
    ['{ dataQuality(first: 5001) { year } }', 'first must be between 1 and 5000, got 5001'],
  ])('%s is refused with the range', async (query, message) => {
    const { body } = await post({ query });
    expect(body.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT' } });
  });
});
