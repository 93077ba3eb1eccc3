import { GraphQLError } from 'graphql';
import type { RowWindow, WindowedRows } from '../analytics/row-window.js';
import type { PageInfo } from './page-info.js';

/** One page of an analytic's answer, in the answer's own order. */
export interface AnalyticPage<T> {
  /** Items of the whole answer, over all pages (for a DEPARTMENT token: its own). */
  totalCount: number;
  nodes: T[];
  pageInfo: PageInfo;
}

/** What a page is asked with: its size, where it starts, and which answer it pages through. */
export interface PageRequest {
  first: number;
  after: string | null | undefined;
  /** The paged field (a name of letters): a cursor of one field is refused by another. */
  field: string;
  /** The snapshot the request reads (null when the data is fixed). */
  dataVersion: string | null;
}

/**
 * The window a request asks for. The cursor holds the position and the data version: positions
 * are stable within a snapshot, and a cursor from another snapshot is refused rather than let
 * skip or repeat items.
 */
export function pageWindow(request: PageRequest): RowWindow {
  return {
    offset: request.after ? positionAfter(request.after, request) : 0,
    limit: request.first,
  };
}

/** The page of a window an analytic read for `request` (pageWindow). */
export function pageFromWindow<T>(
  answer: WindowedRows<T>,
  window: RowWindow,
  request: PageRequest,
): AnalyticPage<T> {
  const end = window.offset + answer.nodes.length;
  return {
    totalCount: answer.totalCount,
    nodes: answer.nodes,
    pageInfo: {
      hasNextPage: end < answer.totalCount,
      endCursor: answer.nodes.length > 0 ? encode(request, end) : null,
    },
  };
}

function encode(request: PageRequest, position: number): string {
  return Buffer.from(`${request.field}:${request.dataVersion ?? ''}:${position}`).toString(
    'base64url',
  );
}

function positionAfter(cursor: string, request: PageRequest): number {
  const match = /^([A-Za-z]+):(.*):(\d+)$/s.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match || match[1] !== request.field)
    throw badCursor(`\`after\` is not a cursor returned by ${request.field}`);
  if (match[2] !== (request.dataVersion ?? ''))
    throw badCursor(
      `\`after\` is a cursor of data version ${match[2] || '(fixed)'}, and the data is now ${request.dataVersion ?? '(fixed)'}: ask for the first page again`,
    );
  return Number(match[3]);
}

function badCursor(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}
