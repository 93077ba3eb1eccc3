/** A value without its `line` keys: where a figure was read belongs to one rendering of a report. */
export function withoutLines<T>(value: T): unknown {
  return JSON.parse(
    JSON.stringify(value, (key: string, v: unknown) => (key === 'line' ? undefined : v)),
  );
}
