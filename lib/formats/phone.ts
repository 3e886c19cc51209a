import { PLAIN_ASCII } from './text';

/** Unicode's decimal digits come in runs of ten, 0 to 9: a digit's value is its distance from its run's start, mod 10. */
const DECIMAL_DIGIT = /\p{Nd}/u;

const digitValue = (digit: string): number => {
  const codePoint = digit.codePointAt(0) as number;
  let start = codePoint;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start -= 1;
  return (codePoint - start) % 10;
};

/** "٠٥٥٥" (Arabic-Indic), "５５５" (full-width), "५५५" (Devanagari) → "0555", "555", "555". */
const asciiDigits = (text: string): string =>
  text.replace(/\p{Nd}/gu, (digit) => (digit >= '0' && digit <= '9' ? digit : String(digitValue(digit))));

/**
 * A phone number in one normal form, so "(555) 111-2222", "555-111-2222", "+1 555 111 2222"
 * and "+15551112222" are equal. Numbers without a country code are read as North American (the
 * API gives E.164, `+15551234567`); an extension ("x12", "ext. 12") is dropped; an international
 * number's trunk prefix in brackets, dialled only inside its country ("+44 (0)20 7946 0958"), is left
 * out; digits of any script count. Idempotent: its output is a fixed point. Returns "" when there
 * are no digits.
 */
export const normalisePhone = (value: string): string => {
  // An extension after the number ("x12", "ext. 12", "#12"); an "x" in a word ("Text 555…") is none.
  const text = (PLAIN_ASCII.test(value) ? value : asciiDigits(value.normalize('NFKC')))
    .replace(/(?<=\d)\s*(?:ext(?:ension)?\.?|x|#)\s*\d*\s*$/i, '')
    .trim();
  const number = /^(?:\+|00)/.test(text) ? text.replace(/\(\s*0\s*\)/g, '') : text;
  const digits = number.replace(/\D/g, '');
  if (digits === '') return '';
  if (number.startsWith('+')) return `+${digits}`;
  if (digits.startsWith('00') && digits.length > 2) return `+${digits.slice(2)}`;
  if (digits.length === 10) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  return digits;
};
