import type { PlainObject } from './guards';

/** Milliseconds since the epoch of an ISO-8601 timestamp, or undefined when it is missing or unparseable. */
const timeOf = (value: unknown): number | undefined => {
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
};

/**
 * Newest first by `field`; records without a usable timestamp go last, in their original order.
 * Each timestamp is parsed once, so a list of 100,000 records costs one parse per record.
 */
export const sortNewestFirst = <T extends PlainObject>(records: readonly T[], field: string): T[] =>
  records
    .map((record, index) => ({ record, index, time: timeOf(record[field]) }))
    // A missing time counts as -Infinity; two of them give NaN, which falls through to the original order.
    .sort((a, b) => (b.time ?? -Infinity) - (a.time ?? -Infinity) || a.index - b.index)
    .map(({ record }) => record);

/** The first record of each id, in order: a delivery that repeats a record yields it once. */
export const uniqueById = <T extends { id: string }>(records: readonly T[]): T[] => {
  const seen = new Set<string>();
  return records.filter((record) => {
    if (seen.has(record.id)) return false;
    seen.add(record.id);
    return true;
  });
};

/** A text field for comparison: trimmed and lower-case; anything but a string (a null, a missing field) is "". */
export const comparable = (value: unknown): string => (typeof value === 'string' ? value.trim().toLowerCase() : '');

/** Both spellings NeverMiss may use for a cancelled booking. */
export const isCancelled = (status: unknown): boolean => ['cancelled', 'canceled'].includes(comparable(status));
