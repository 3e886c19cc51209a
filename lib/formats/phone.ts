/**
 * A phone number in one normal form, so "(555) 111-2222", "555-111-2222", "+1 555 111 2222"
 * and "+15551112222" are equal. Numbers without a country code are read as North American (the
 * API gives E.164, `+15551234567`); an extension ("x12", "ext. 12") is dropped. Idempotent:
 * its output is a fixed point. Returns "" when there are no digits.
 */
export const normalisePhone = (value: string): string => {
  const number = value.replace(/(?:ext\.?|extension|x|#).*$/i, '').trim();
  const digits = number.replace(/\D/g, '');
  if (digits === '') return '';
  if (number.startsWith('+')) return `+${digits}`;
  if (digits.startsWith('00') && digits.length > 2) return `+${digits.slice(2)}`;
  if (digits.length === 10) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  return digits;
};
