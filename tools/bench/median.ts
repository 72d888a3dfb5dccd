/** The middle value (the upper one of an even count); NaN for none. */
export const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** The largest value (a worst case); NaN for none, as `median` gives. */
export const largest = (values: readonly number[]): number => (values.length > 0 ? Math.max(...values) : Number.NaN);
