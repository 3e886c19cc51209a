/**
 * What copying from a web page adds at either end: Unicode whitespace (White_Space, which has
 * U+0085 that `\s` lacks), invisible format characters (Cf: zero-width spaces and joiners, the BOM,
 * the soft hyphen, bidi marks, embeddings and isolates, invisible operators) and variation selectors.
 */
const PASTED_PADDING =
  /^[\p{White_Space}\p{Cf}\p{Variation_Selector}]+|[\p{White_Space}\p{Cf}\p{Variation_Selector}]+$/gu;

/** `text` without what copying from a web page adds at either end (a key, an email typed into a search). */
export const withoutPastedPadding = (text: string): string => text.replace(PASTED_PADDING, '');

/**
 * A text field for comparison, as people read it: trimmed, case folded (upper then lower case, so "Strauß"
 * equals "STRAUSS"), and in Unicode's compatibility form (NFKC), so "José" typed with a combining accent
 * equals "José" typed as one letter, and full-width "Ｊｏｓé" equals "José". Anything but a string (a null,
 * a missing field) is "".
 */
export const comparableText = (value: unknown): string =>
  typeof value === 'string' ? value.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC').trim() : '';
