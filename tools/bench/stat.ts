/** Median and spread of repeated measurements. */
export interface Stat {
  median: number;
  min: number;
  max: number;
}

export const stat = (values: readonly number[]): Stat => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (index: number) => sorted[index] ?? Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
  return { median, min: at(0), max: at(sorted.length - 1) };
};
