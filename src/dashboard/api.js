/**
 * The dashboard reads the public GraphQL API only, and only through the named operations of
 * schema/operations/ (served as /dashboard/operations.json): each request sends one of those
 * documents, selected by its operation name, with variables. Downloads are the same operations
 * at /export/<OperationName>.csv|.xlsx with the same variables.
 */

import { askForToken, authHeaders } from './token.js';

const GRAPHQL = '/graphql';
const EXPORT = '/export/';
const OPERATIONS = '/dashboard/operations.json';

let operations = new Map();

/** Loads the operation documents the server serves. */
export async function loadOperations() {
  const response = await fetch(OPERATIONS, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${OPERATIONS}: HTTP ${response.status}`);
  const body = await response.json();
  operations = new Map(body.operations.map((op) => [op.name, op]));
  return operations;
}

/** Whether a named operation exists. */
export function hasOperation(name) {
  return operations.has(name);
}

/** Variables without undefined members (null stays: it is a value). */
export function clean(variables) {
  return Object.fromEntries(Object.entries(variables).filter(([, v]) => v !== undefined));
}

/**
 * Runs a named operation. Answers `{ data, errors, notices }`; `notices` are the messages of
 * `extensions.notices` (why an answer is empty), in Chinese (`messageZh`) when the server sends them.
 */
export async function run(name, variables = {}) {
  const op = operations.get(name);
  if (!op) return { data: null, errors: [{ message: `未找到命名操作 ${name}` }], notices: [] };
  let response;
  try {
    response = await fetch(GRAPHQL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...authHeaders() },
      body: JSON.stringify({ query: op.query, operationName: name, variables: clean(variables) }),
    });
  } catch (error) {
    return { data: null, errors: [{ message: `请求失败：${error.message}` }], notices: [] };
  }
  // A server with access control and no (valid) token yet: ask for one, then ask again.
  if (response.status === 401) {
    const refusal = await response.json().catch(() => null);
    await askForToken(refusal?.errors?.[0]?.message);
    return run(name, variables);
  }
  let body;
  try {
    body = await response.json();
  } catch {
    return {
      data: null,
      errors: [{ message: `HTTP ${response.status}：应答不是 JSON` }],
      notices: [],
    };
  }
  const notices = (body.extensions?.notices ?? [])
    .map((n) => (typeof n === 'string' ? n : (n?.messageZh ?? n?.message)))
    .filter(Boolean);
  return { data: body.data ?? null, errors: body.errors ?? [], notices };
}

/**
 * Runs named operations with a memo: within one refresh of the page, the same operation with
 * the same variables is asked once, whichever charts need it.
 */
export function memoRunner() {
  const answers = new Map();
  return (name, variables = {}) => {
    const key = `${name} ${JSON.stringify(clean(variables))}`;
    if (!answers.has(key)) answers.set(key, run(name, variables));
    return answers.get(key);
  };
}

/** The download links of an operation with these variables: `{ csv, xlsx }`. */
export function exportLinks(name, variables = {}) {
  const query = `variables=${encodeURIComponent(JSON.stringify(clean(variables)))}`;
  return {
    csv: `${EXPORT}${name}.csv?${query}`,
    xlsx: `${EXPORT}${name}.xlsx?${query}`,
  };
}
