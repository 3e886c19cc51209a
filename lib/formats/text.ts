/**
 * What copying from a web page adds at either end: Unicode whitespace (White_Space, which has
 * U+0085 that `\s` lacks), invisible format characters (Cf: zero-width spaces and joiners, the BOM,
 * the soft hyphen, bidi marks, embeddings and isolates, invisible operators) and variation selectors.
 */
const PASTED_PADDING =
  /^[\p{White_Space}\p{Cf}\p{Variation_Selector}]+|[\p{White_Space}\p{Cf}\p{Variation_Selector}]+$/gu;

/** Printable ASCII and the ordinary space characters only. */
export const PLAIN_ASCII = /^[\t\n\r\x20-\x7E]*$/;

/** `text` without what copying from a web page adds at either end (a key, an email typed into a search). */
export const withoutPastedPadding = (text: string): string => text.replace(PASTED_PADDING, '');

/**
 * A text field for comparison, as people read it: trimmed, case folded (upper then lower case, so "Strauß"
 * equals "STRAUSS"), and in Unicode's compatibility form (NFKC), so "José" typed with a combining accent
 * equals "José" typed as one letter, and full-width "Ｊｏｓé" equals "José". Anything but a string (a null,
 * a missing field) is "".
 */
export const comparableText = (value: unknown): string => {
  if (typeof value !== 'string') return '';
  // Plain ASCII, most text: its NFKC form is itself, and lower case is its case folding.
  if (PLAIN_ASCII.test(value)) return value.toLowerCase().trim();
  return value.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC').trim();
};
