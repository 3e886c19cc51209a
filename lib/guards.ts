/** Narrowing helpers for data that arrives from outside (API answers, webhook bodies). */

export type PlainObject = Record<string, unknown>;

export const isPlainObject = (value: unknown): value is PlainObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A record the integration can work with: an object with a non-blank string or numeric `id`. */
export type Identified = PlainObject & { id: string | number };

export const hasId = (value: unknown): value is Identified =>
  isPlainObject(value) &&
  ((typeof value.id === 'string' && value.id.trim() !== '') ||
    (typeof value.id === 'number' && Number.isFinite(value.id)));
