/** A value without its `line` keys: where a figure was read belongs to one rendering of a report. */
export function withoutLines<T>(value: T): unknown {
  return JSON.parse(
    JSON.stringify(value, (key: string, v: unknown) => (key === 'line' ? undefined : v)),
  );
}

/**
 * A value without what belongs to one rendering of a report: the lines figures were read from,
 * and the decimals they were printed with (`75.00%` and the document's `75` are one figure).
 */
export function withoutRendering<T>(value: T): unknown {
  return JSON.parse(
    JSON.stringify(value, (key: string, v: unknown) =>
      key === 'line' || key === 'decimals' || key === 'scoreRateDecimals' ? undefined : v,
    ),
  );
}
