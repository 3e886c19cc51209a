import { splitAddress } from '../../lib/addresses';

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
    ['an empty address', ''],
    ['null', null],
    ['a number', 78701],
  ])('gives empty parts, not a guess, for %s (%j)', (_case, address) => {
    expect(splitAddress(address)).toEqual({ street: '', city: '', state: '', postal_code: '' });
  });
});
