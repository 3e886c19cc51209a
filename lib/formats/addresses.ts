// A one-line US address split into street, city, state and ZIP code, strictly: no guessing.
import type { PlainOutputField } from 'zapier-platform-core';

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
 * A region code where the city should be ("Vancouver, BC, CA", "Toronto ON, CA"): two codes in a row
 * mean the last is a country's, which may match a state's ("CA" is Canada, "DE" Germany).
 */
const CITY_WITH_REGION_CODE = /^\p{L}{2}$|\s\p{Lu}{2}$/u;
/**
 * How a US street line begins: a house number ("123", "123A", "12-14"), a post office box ("PO Box",
 * "P.O. Box", "Post Office Box"), a rural route or highway contract ("RR 2", "Rural Route 2", "HC 1"),
 * or a military address ("PSC 1234", "CMR 450", "Unit 2050").
 */
const US_STREET =
  /^(?:\d[\p{L}\d/-]*\s+\S|(?:P\.?\s*O\.?|Post\s+Office)\s*Box\s+\S|(?:RR|R\.R\.|Rural\s+Route|HC|PSC|CMR|Unit)\s*\d)/iu;

/**
 * "123 Main St, Austin, TX 78701" → 123 Main St / Austin / TX / 78701 (also "…, Austin TX 78701", and a
 * trailing ", USA"). Every part is text of the address as written; a street may hold commas ("Apt 4").
 * Anything else (no state, an unknown state, a street not shaped like a US one, a region code where the
 * city should be, an empty segment) gives empty parts: a foreign address is not read as a US one.
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
  const street = segments.join(',').trim();
  if (!CITY.test(city) || CITY_WITH_REGION_CODE.test(city) || !US_STATES.has(state.toUpperCase())) return NO_PARTS;
  return US_STREET.test(street) ? { street, city, state, postal_code: postalCode } : NO_PARTS;
};

/** The parts as output beside `address`: all empty when it does not read as a US address. */
export type AddressOutput = {
  address_street: string;
  address_city: string;
  address_state: string;
  address_postal_code: string;
};

/** `address` split into the output's `address_*` fields. */
export const addressOutput = (address: unknown): AddressOutput => {
  const { street, city, state, postal_code } = splitAddress(address);
  return { address_street: street, address_city: city, address_state: state, address_postal_code: postal_code };
};

/** The labelled output fields of the parts, shared by leads and bookings. */
export const addressOutputFields = [
  { key: 'address_street', label: 'Address: Street', type: 'string' },
  { key: 'address_city', label: 'Address: City', type: 'string' },
  { key: 'address_state', label: 'Address: State', type: 'string' },
  { key: 'address_postal_code', label: 'Address: ZIP Code', type: 'string' },
] as const satisfies readonly (PlainOutputField & { key: keyof AddressOutput })[];
