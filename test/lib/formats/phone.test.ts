import { normalisePhone } from '../../../lib/formats/phone';

describe('normalisePhone', () => {
  it.each([
    ['(555) 111-2222', '+15551112222'],
    ['555-111-2222', '+15551112222'],
    ['555.111.2222', '+15551112222'],
    ['+15551112222', '+15551112222'],
    ['+1 (555) 111-2222', '+15551112222'],
    ['1-555-111-2222', '+15551112222'],
    ['0015551112222', '+15551112222'],
    ['+44 20 7946 0958', '+442079460958'],
    ['555-111-2222 ext. 12', '+15551112222'],
    ['555-111-2222 x12', '+15551112222'],
    ['555-111-2222#12', '+15551112222'],
    ['111-2222', '1112222'],
    // The trunk 0 in brackets of a number written the European way is dialled only inside the country.
    ['+44 (0)20 7946 0958', '+442079460958'],
    ['+44(0)2079460958', '+442079460958'],
    ['0044 (0) 20 7946 0958', '+442079460958'],
    ['+49 (0)30 1234567', '+49301234567'],
    // Without a country code the brackets are an area code, and stay.
    ['(020) 7946 0958', '02079460958'],
    // Digits of any script, and full-width forms.
    ['+٤٤ ٢٠ ٧٩٤٦ ٠٩٥٨', '+442079460958'],
    ['(५५५) १११-२२२२', '+15551112222'],
    ['＋１ ５５５ １１１ ２２２２', '+15551112222'],
    ['no digits', ''],
    ['', ''],
  ])('reads %j as %j', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it.each(['(555) 111-2222', '0015551112222', '111-2222', '+44 20 7946 0958', '+44 (0)20 7946 0958', '٥٥٥١١١٢٢٢٢'])(
    'is idempotent for %j',
    (input) => {
      expect(normalisePhone(normalisePhone(input))).toBe(normalisePhone(input));
    },
  );
});
