/**
 * A lexical check of a GraphQL document before anything parses it. graphql-js parses, validates
 * and executes by recursion: a list literal or selection nested about 2,000 deep overflows the
 * parser's stack, and a chain of 5,000 fragments overflows validation (NoFragmentCycles). The
 * limits below are far above any real query (the deepest named operation nests 5 levels and
 * uses no fragment) and far below what the recursion survives.
 */

export interface DocumentShapeLimits {
  /** Deepest nesting of `{`, `[` and `(` together. */
  maxNesting: number;
  /** Fragment definitions in one document. */
  maxFragments: number;
}

export const defaultDocumentShapeLimits: DocumentShapeLimits = {
  maxNesting: 64,
  maxFragments: 100,
};

/** Why a document is refused before parsing, with the limit that refused it. */
export interface DocumentShapeRefusal {
  code: 'QUERY_NESTED_TOO_DEEP' | 'QUERY_TOO_MANY_FRAGMENTS';
  message: string;
}

const OPEN = new Set(['{', '[', '(']);
const CLOSE = new Set(['}', ']', ')']);
const NAME_START = /[_A-Za-z]/;
const NAME_PART = /[_0-9A-Za-z]/;

/** Index just past a string literal starting at `at` (a block string `"""` or a `"` string). */
function skipString(text: string, at: number): number {
  if (text.startsWith('"""', at)) {
    let close = text.indexOf('"""', at + 3);
    // An escaped triple quote (\""") does not end a block string.
    while (close > 0 && text[close - 1] === '\\') close = text.indexOf('"""', close + 3);
    return close < 0 ? text.length : close + 3;
  }
  let i = at + 1;
  while (i < text.length && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

/**
 * Scans the document once, outside strings and comments, for its deepest nesting and for the
 * `fragment` keywords at the top level. Returns the first limit exceeded, or null.
 */
export function checkDocumentShape(
  text: string,
  limits: DocumentShapeLimits = defaultDocumentShapeLimits,
): DocumentShapeRefusal | null {
  let depth = 0;
  let fragments = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '#') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end + 1;
    } else if (c === '"') {
      i = skipString(text, i);
    } else if (OPEN.has(c)) {
      depth += 1;
      if (depth > limits.maxNesting)
        return {
          code: 'QUERY_NESTED_TOO_DEEP',
          message: `the document nests selections, lists or arguments more than ${limits.maxNesting} levels deep`,
        };
      i += 1;
    } else if (CLOSE.has(c)) {
      depth = Math.max(0, depth - 1);
      i += 1;
    } else if (NAME_START.test(c)) {
      let end = i + 1;
      while (end < text.length && NAME_PART.test(text[end]!)) end += 1;
      if (depth === 0 && text.slice(i, end) === 'fragment') {
        fragments += 1;
        if (fragments > limits.maxFragments)
          return {
            code: 'QUERY_TOO_MANY_FRAGMENTS',
            message: `the document defines more than ${limits.maxFragments} fragments`,
          };
      }
      i = end;
    } else {
      i += 1;
    }
  }
  return null;
}
