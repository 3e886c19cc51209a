import fc from 'fast-check';

import { splitAddress } from '../../../lib/formats/addresses';

const NO_PARTS = { street: '', city: '', state: '', postal_code: '' };

describe('splitAddress', () => {
  it.each([
    ['123 Main St, Austin, TX 78701', '123 Main St', 'Austin', 'TX', '78701'],
    ['123 Main St, Austin, TX', '123 Main St', 'Austin', 'TX', ''],
    ['123 Main St, Austin TX 78701', '123 Main St', 'Austin', 'TX', '78701'],
    ['350 5th Ave, New York NY', '350 5th Ave', 'New York', 'NY', ''],
    ['123 Main St, Apt 4, Austin, TX 78701-1234', '123 Main St, Apt 4', 'Austin', 'TX', '78701-1234'],
    ['  456 Oak Ave ,  Austin ,  TX  ', '456 Oak Ave', 'Austin', 'TX', ''],
    ['12 Cedar Ln, Round Rock, tx', '12 Cedar Ln', 'Round Rock', 'tx', ''],
    ['5 Market St, St. Louis, MO 63101, USA', '5 Market St', 'St. Louis', 'MO', '63101'],
    ['1 Pine Rd, Winston-Salem, NC, United States', '1 Pine Rd', 'Winston-Salem', 'NC', ''],
    ['PO Box 12, San Juan, PR 00901', 'PO Box 12', 'San Juan', 'PR', '00901'],
    ['1600 Pennsylvania Ave NW, Washington, DC 20500', '1600 Pennsylvania Ave NW', 'Washington', 'DC', '20500'],
    ['P.O. Box 7, Austin, TX 78701', 'P.O. Box 7', 'Austin', 'TX', '78701'],
    ['Post Office Box 7, Austin, TX', 'Post Office Box 7', 'Austin', 'TX', ''],
    ['RR 2 Box 152, Lubbock, TX 79401', 'RR 2 Box 152', 'Lubbock', 'TX', '79401'],
    ['Rural Route 2, Lubbock TX', 'Rural Route 2', 'Lubbock', 'TX', ''],
    ['123A Elm St, Saint Jo, TX 76265', '123A Elm St', 'Saint Jo', 'TX', '76265'],
    ['12-14 Main St, Austin TX 78701, US', '12-14 Main St', 'Austin', 'TX', '78701'],
    ['Unit 2050 Box 4190, APO, AP 96278', 'Unit 2050 Box 4190', 'APO', 'AP', '96278'],
  ])('%j → %j / %j / %j / %j', (address, street, city, state, postal_code) => {
    expect(splitAddress(address)).toEqual({ street, city, state, postal_code });
  });

  it.each([
    ['no street', 'Austin, TX 78701'],
    ['a state and ZIP code alone', 'TX 78701'],
    ['a street alone', '123 Main St'],
    ['an unknown state', '123 Main St, Austin, ZZ 78701'],
    ['a state name, not its code', '123 Main St, Austin, Texas'],
    ['a foreign address', '10 Downing St, London SW1A 2AA, UK'],
    ['a foreign order', '1 rue de Rivoli, 75001 Paris, France'],
    ['a ZIP code in the wrong place', '123 Main St, 78701 Austin, TX'],
    ['a short ZIP code', '123 Main St, Austin, TX 7870'],
    ['an empty segment', '123 Main St,, Austin, TX'],
    ['a trailing comma', '123 Main St, Austin, TX,'],
    ['a country alone after the city', '123 Main St, Austin, USA'],
    ['a Canadian address whose country code is a state code', '1 Main St, Vancouver, BC, CA'],
    ['a Canadian address, province and country', '100 Queen St W, Toronto, ON, CA'],
    ['a Canadian address, province beside the city', '100 Queen St W, Toronto ON, CA'],
    ['a Canadian address without commas between the codes', '1 Main St, Vancouver BC CA'],
    ['a German address whose country code is a state code', 'Hauptstr. 1, Berlin, DE'],
    ['a street named before its number', 'Main St 5, Austin, TX'],
    ['a street with no house number', 'Main St, Austin, TX 78701'],
    ['an empty address', ''],
    ['null', null],
    ['a number', 78701],
  ])('gives empty parts, not a guess, for %s (%j)', (_case, address) => {
    expect(splitAddress(address)).toEqual({ street: '', city: '', state: '', postal_code: '' });
  });
});

describe('splitAddress, for any address', () => {
  const words = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}[A-Za-z]$/);
  const code = fc.stringMatching(/^[A-Z]{2}$/);

  it('gives empty parts when a region code stands where the city should be (a country code follows it)', () => {
    fc.assert(
      // "US" is the one country the parser takes off the end: what remains is then a US address.
      fc.property(
        fc.nat(),
        words,
        words,
        code,
        code.filter((country) => country !== 'US'),
        (number, street, city, region, country) => {
          expect(splitAddress(`${number} ${street}, ${city}, ${region}, ${country}`)).toEqual(NO_PARTS);
          expect(splitAddress(`${number} ${street}, ${city} ${region}, ${country}`)).toEqual(NO_PARTS);
        },
      ),
    );
  });

  it('gives empty parts when the street does not begin like a US one (a house number, a box, a route)', () => {
    const notUsStreet = words.filter((street) => !/^(?:P\s*O|Post\s+Office|RR|Rural|HC|PSC|CMR|Unit)\b/i.test(street));
    fc.assert(
      fc.property(notUsStreet, words, code, (street, city, state) => {
        expect(splitAddress(`${street}, ${city}, ${state}`)).toEqual(NO_PARTS);
      }),
    );
  });
});
