/** A text field for comparison: trimmed and lower-case; anything but a string (a null, a missing field) is "". */
export const trimmedLowerCase = (value: unknown): string =>
  typeof value === 'string' ? value.trim().toLowerCase() : '';
