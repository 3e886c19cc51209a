// A one-line US address split into street, city, state and ZIP code, strictly: no guessing.

export interface AddressParts {
  street: string;
  city: string;
  state: string;
  postal_code: string;
}

const NO_PARTS: AddressParts = { street: '', city: '', state: '', postal_code: '' };

/** USPS codes of the states, DC, the territories and the military "states". */
const US_STATES = new Set(
  [
    'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK',
    'OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR VI GU AS MP AA AE AP',
  ]
    .join(' ')
    .split(' '),
);

const COUNTRY = /^(?:USA?|U\.S\.A?\.?|United States(?: of America)?)$/i;
/** "TX" or "TX 78701" or "TX 78701-1234". */
const STATE_ZIP = /^(\p{L}{2})(?:\s+(\d{5}(?:-\d{4})?))?$/u;
/** "Austin TX 78701": city, state and ZIP code without a comma between city and state. */
const CITY_STATE_ZIP = /^(\p{L}[\p{L} .'’-]*?)\s+(\p{L}{2})(?:\s+(\d{5}(?:-\d{4})?))?$/u;
/** Letters, spaces and the punctuation of names like "St. Louis", "Coeur d’Alene", "Winston-Salem". */
const CITY = /^\p{L}[\p{L} .'’-]*$/u;

/**
 * "123 Main St, Austin, TX 78701" → 123 Main St / Austin / TX / 78701 (also "…, Austin TX 78701", and a
 * trailing ", USA"). Every part is text of the address as written; a street may hold commas ("Apt 4").
 * Anything else (no state, an unknown state, no street, an empty segment) gives empty parts.
 */
export const splitAddress = (address: unknown): AddressParts => {
  if (typeof address !== 'string') return NO_PARTS;
  const segments = address.split(',');
  if (segments.length > 2 && COUNTRY.test(String(segments.at(-1)).trim())) segments.pop();
  if (segments.some((segment) => segment.trim() === '')) return NO_PARTS;

  const last = (segments.pop() as string).trim();
  const stateZip = STATE_ZIP.exec(last);
  const cityStateZip = CITY_STATE_ZIP.exec(last);
  // "…, Austin, TX 78701": the city is the segment before; "…, Austin TX 78701": it is in the same one.
  const [city, state, postalCode] = stateZip
    ? [segments.pop()?.trim() ?? '', stateZip[1] as string, stateZip[2] ?? '']
    : cityStateZip
      ? [cityStateZip[1] as string, cityStateZip[2] as string, cityStateZip[3] ?? '']
      : ['', '', ''];
  if (!CITY.test(city) || !US_STATES.has(state.toUpperCase()) || segments.length === 0) return NO_PARTS;
  return { street: segments.join(',').trim(), city, state, postal_code: postalCode };
};
