import fc from 'fast-check';

import { splitName } from '../../../lib/formats/names';

describe('splitName', () => {
  it.each([
    ['Jane Doe', 'Jane', 'Doe'],
    ['  Jane   Doe  ', 'Jane', 'Doe'],
    ['Cher', 'Cher', ''],
    ['Dr. Jane Doe', 'Jane', 'Doe'],
    ['Mr John Smith', 'John', 'Smith'],
    ['John Smith Jr.', 'John', 'Smith'],
    ['Martin Luther King, Jr.', 'Martin Luther', 'King'],
    ['Robert Chen III', 'Robert', 'Chen'],
    ['Mary Ann Smith', 'Mary Ann', 'Smith'],
    ['Ludwig van Beethoven', 'Ludwig', 'van Beethoven'],
    ['Juan de la Cruz', 'Juan', 'de la Cruz'],
    ['Mary Van der Berg', 'Mary', 'Van der Berg'],
    ['Smith, John', 'John', 'Smith'],
    ['Jean-Luc Picard', 'Jean-Luc', 'Picard'],
    ["Patrick O'Brien", 'Patrick', "O'Brien"],
    ['José Álvarez', 'José', 'Álvarez'],
    ['Jane Doe Esq.', 'Jane', 'Doe'],
    ['Jane Doe, Esq.', 'Jane', 'Doe'],
    ['Jane Doe CPA', 'Jane', 'Doe'],
    ['Mrs Smith', '', 'Smith'],
    ['Dr. Jones Jr.', '', 'Jones'],
    ['WIRELESS CALLER', 'WIRELESS', 'CALLER'],
    // A first or last name always holds a letter: a number, a symbol or an emoji is never one.
    ['John Smith 😀', 'John', 'Smith'],
    ['👩‍🔧 Maria Garcia', 'Maria', 'Garcia'],
    ['Cher 🎤', 'Cher', ''],
    ['John 3', 'John', ''],
    ['Jane 3 Doe', 'Jane', 'Doe'],
    ['John Smith #1 ✓', 'John', 'Smith'],
    ['Smith,3 John', 'John', 'Smith'],
    ['Bob 😀,Ann', 'Ann', 'Bob'],
    ['Room 5,John Smith', 'John Smith', 'Room'],
    ['John Smith 3rd', 'John', 'Smith'],
    ['李 小龍', '李', '小龍'],
    ['María José García', 'María José', 'García'],
  ])('%j → %j / %j', (fullName, first, last) => {
    expect(splitName(fullName)).toEqual({ first, last });
  });

  it.each([
    ['an empty name', ''],
    ['blanks', '   '],
    ['null', null],
    ['a number', 42],
    ['a phone number', '+1 (555) 123-4567'],
    ['two people', 'Jon & Sue Doyle'],
    ['two people, in words', 'Jon and Sue Doyle'],
    ['an honorific alone', 'Mr.'],
    ['another honorific alone', 'Dr.'],
    ['a suffix alone', 'Jr.'],
    ['a suffix the parser does not know, alone', 'Esq.'],
    ['an honorific and a suffix', 'Mr. Jr.'],
    ['titles with a comma', 'Dr., PhD'],
    ['a comma the parser keeps', 'Smith,'],
    ['an emoji alone', '😀'],
    ['emoji and symbols', '👩‍🔧 ✓ #1'],
  ])('gives empty parts, not a guess, for %s (%j)', (_case, fullName) => {
    expect(splitName(fullName)).toEqual({ first: '', last: '' });
  });
});

describe('splitName, for any name', () => {
  /** Words humanparser reads as a title or a particle of a family name ("van"), and "and" (two people). */
  const notAName =
    /^(?:and|mrs|miss|master|mister|prof|rev|judge|honorable|hon|tuan|srta|sra|senior|junior|phd|apr|rph|dmd|cme|esq|esquire|dds|cpa|vere|von|van|del|della|der|den|pietro|vanden|ter|bin|ibn|ten|ben)$/i;
  const word = fc.stringMatching(/^[A-Z][a-z]{2,9}$/).filter((candidate) => !notAName.test(candidate));
  const honorific = fc.constantFrom('', 'Mr. ', 'Mrs ', 'Dr. ', 'Prof. ');
  const suffix = fc.constantFrom('', ' Jr.', ' III', ' PhD', ' Esq.', ', Esq.', ' CPA');

  it('gives the first and last name, whatever honorific comes before and suffix after', () => {
    fc.assert(
      fc.property(honorific, word, word, suffix, (title, first, last, after) => {
        expect(splitName(`${title}${first} ${last}${after}`)).toEqual({ first, last });
      }),
    );
  });

  it('gives a single name after an honorific as the family name the honorific goes with', () => {
    fc.assert(
      fc.property(
        honorific.filter((title) => title !== ''),
        word,
        suffix,
        (title, last, after) => {
          expect(splitName(`${title}${last}${after}`)).toEqual({ first: '', last });
        },
      ),
    );
  });

  it('gives empty parts for honorifics and suffixes alone', () => {
    const title = fc.constantFrom(
      'Mr.',
      'Mrs',
      'Dr.',
      'Prof.',
      'Rev.',
      'Jr.',
      'Sr.',
      'III',
      'PhD',
      'MD',
      'Esq.',
      'CPA',
    );
    fc.assert(
      fc.property(fc.array(title, { minLength: 1, maxLength: 3 }), fc.constantFrom(' ', ', '), (titles, separator) => {
        expect(splitName(titles.join(separator))).toEqual({ first: '', last: '' });
      }),
    );
  });

  it('never gives a name part a word without a letter, whatever the name holds', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 6 }),
      fc.constantFrom('😀', '#2', '3', ',', ' ', '!', '"', '&', '.', 'Jr.', 'Dr.', 'de', 'Smith', 'José'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const { first, last } = splitName(pieces.join(''));
        for (const part of [first, last]) {
          for (const word of part.split(' ').filter(Boolean)) expect(word).toMatch(/\p{L}/u);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
