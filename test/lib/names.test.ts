import { splitName } from '../../lib/names';

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
    ['a comma the parser keeps', 'Smith,'],
    ['a comma the parser drops inside a word', '#,# A'],
  ])('gives empty parts, not a guess, for %s (%j)', (_case, fullName) => {
    expect(splitName(fullName)).toEqual({ first: '', last: '' });
  });
});
