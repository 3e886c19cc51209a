/** Narrowing helpers for data that arrives from outside (API answers, webhook bodies). */

export type PlainObject = Record<string, unknown>;

export const isPlainObject = (value: unknown): value is PlainObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A record the integration can work with: an object with an id, as text. */
export type Identified = PlainObject & { id: string };

/** True for an object with a non-blank string or a finite numeric `id`. */
export const hasId = (value: unknown): value is PlainObject & { id: string | number } =>
  isPlainObject(value) &&
  ((typeof value.id === 'string' && value.id.trim() !== '') ||
    (typeof value.id === 'number' && Number.isFinite(value.id)));

/**
 * The record with its id as trimmed text: ids are compared and put in URLs as text, whatever JSON
 * type they came in, and a space pasted around one must not make it another id.
 */
export const withTextId = (record: PlainObject & { id: string | number }): Identified => {
  const id = String(record.id).trim();
  return id === record.id ? (record as Identified) : { ...record, id };
};
