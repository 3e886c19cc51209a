// A full name split into first and last name, by humanparser (see README, "Names and addresses").
import { parseName } from 'humanparser';

export interface NameParts {
  /** The given names: first and middle ("Mary Ann" of "Mary Ann Smith"); a single name ("Cher") is one. */
  first: string;
  /** The family name, with its particles ("van der Berg"); without honorifics and suffixes. */
  last: string;
}

const NO_PARTS: NameParts = { first: '', last: '' };

/** Two people ("Jon & Sue Doyle", "Jon and Sue Doyle"): no one first and last name to give. */
const COUPLE = /&|\band\b/i;

/** Every word of the parts is a word of the name: the parser dropped a comma inside one ("#,#") otherwise. */
const isTextOf = (fullName: string, parts: string[]): boolean =>
  parts.every((part) => part.split(/\s+/).every((word) => fullName.includes(word)));

/**
 * First and last name of a full name. Empty parts, rather than a guess, for a name with no letters (a
 * phone number), two people, or a shape the parser leaves a comma in ("Smith,") or rewrites.
 */
export const splitName = (fullName: unknown): NameParts => {
  if (typeof fullName !== 'string' || !/\p{L}/u.test(fullName) || COUPLE.test(fullName)) return NO_PARTS;
  const parsed = parseName(fullName);
  const first = [parsed.firstName, parsed.middleName].filter(Boolean).join(' ');
  // "" for a single name ("Cher").
  const last = parsed.lastName;
  const parsedWell = !first.includes(',') && !last.includes(',') && isTextOf(fullName, [first, last]);
  return parsedWell ? { first, last } : NO_PARTS;
};
