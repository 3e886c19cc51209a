// A full name split into first and last name, by humanparser (see docs/appointments-names-addresses.md).
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

/** Suffixes humanparser does not know ("Jane Doe Esq." would otherwise have the last name "Esq."). */
const EXTRA_SUFFIXES = ['esq', 'esquire', 'jd', 'dds', 'cpa', '2nd', '3rd', '4th', '5th'];

/** humanparser's honorifics and suffixes, and ours: words that say who someone is, not what they are called. */
const TITLES = new Set([
  ...['mr', 'master', 'mister', 'mrs', 'miss', 'ms', 'dr', 'prof', 'rev', 'fr', 'judge', 'honorable', 'hon'],
  ...['tuan', 'sr', 'srta', 'br', 'pr', 'mx', 'sra'],
  ...['i', 'ii', 'iii', 'iv', 'v', 'senior', 'junior', 'jr', 'phd', 'apr', 'rph', 'pe', 'md', 'ma', 'dmd'],
  ...['cme', 'qc', 'kc', ...EXTRA_SUFFIXES],
]);

/** "Mr.", "Dr.", "Jr.", "Esq.", "Mr. Jr.": titles and no name (the parser would give a title as the first name). */
const isTitlesOnly = (fullName: string): boolean =>
  fullName
    .trim()
    .split(/[\s,]+/)
    .every((word) => TITLES.has(word.toLowerCase().replace(/\./g, '')));

/** Every word of the parts is a word of the name: the parser dropped a comma inside one ("#,#") otherwise. */
const isTextOf = (fullName: string, parts: string[]): boolean =>
  parts.every((part) => part.split(/\s+/).every((word) => fullName.includes(word)));

/** Emoji and their joiners, modifiers and presentation selectors: never part of anyone's name. */
const PICTOGRAPHS = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200D|\uFE0E|\uFE0F|\u20E3/gu;

const hasLetter = (word: string): boolean => /\p{L}/u.test(word);

/**
 * The name's words that hold a letter, a word ending at a space or a comma ("Smith,3 John" is "Smith, John"):
 * a number, a symbol or an emoji is never part of a first or last name.
 */
const letteredWords = (fullName: string): string =>
  fullName
    .replace(PICTOGRAPHS, ' ')
    .replace(/[^\s,]+/g, (word) => (hasLetter(word) ? word : ''))
    .replace(/\s*,\s*/g, ', ')
    .replace(/\s+/g, ' ')
    .trim();

/** A part of a name, its words that hold a letter: nothing when none is left. */
const withLetter = (part: string): string => part.split(/\s+/).filter(hasLetter).join(' ');

/**
 * First and last name of a full name, each made of its words that hold a letter. Empty parts, rather
 * than a guess, for a name with no letters (a phone number, an emoji), two people, titles alone ("Dr."),
 * or a shape the parser leaves a comma in ("Smith,") or rewrites.
 */
export const splitName = (value: unknown): NameParts => {
  if (typeof value !== 'string' || COUPLE.test(value)) return NO_PARTS;
  const fullName = letteredWords(value);
  if (fullName === '' || isTitlesOnly(fullName)) return NO_PARTS;
  const parsed = parseName(fullName, { extraSuffixes: EXTRA_SUFFIXES });
  // humanparser's reading: a single name alone ("Cher") is a first name; after an honorific ("Mrs Smith",
  // "Dr. Jones") it is the family name the honorific goes with.
  const first = [parsed.firstName, parsed.middleName].filter(Boolean).join(' ');
  const last = parsed.lastName;
  const parsedWell = !first.includes(',') && !last.includes(',') && isTextOf(fullName, [first, last]);
  return parsedWell ? { first: withLetter(first), last: withLetter(last) } : NO_PARTS;
};
