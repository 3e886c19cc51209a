import { comparableText } from '../../lib/formats/text';
import { isCancelled } from '../../lib/bookings';
import { sortNewestFirst, uniqueById } from '../../lib/record-type';

describe('sortNewestFirst', () => {
  it('orders by the field, newest first, across time zones', () => {
    const records = [
      { id: 'a', at: '2026-04-11T10:00:00Z' },
      { id: 'b', at: '2026-04-11T06:30:00-05:00' }, // 11:30Z
      { id: 'c', at: '2026-04-11T11:00:00Z' },
    ];
    expect(sortNewestFirst(records, 'at').map((r) => r.id)).toEqual(['b', 'c', 'a']);
  });

  it('puts records without a usable timestamp last, in their original order, and keeps ties stable', () => {
    const records = [
      { id: 'none' },
      { id: 'bad', at: 'yesterday' },
      { id: 'x', at: '2026-04-11T10:00:00Z' },
      { id: 'null', at: null },
      { id: 'y', at: '2026-04-11T10:00:00Z' },
      { id: 'number', at: 1712830000000 },
    ];
    expect(sortNewestFirst(records, 'at').map((r) => r.id)).toEqual(['x', 'y', 'none', 'bad', 'null', 'number']);
  });

  it('does not change its input', () => {
    const records = [
      { id: 'a', at: '2026-01-01T00:00:00Z' },
      { id: 'b', at: '2026-02-01T00:00:00Z' },
    ];
    sortNewestFirst(records, 'at');
    expect(records.map((r) => r.id)).toEqual(['a', 'b']);
  });
});

describe('uniqueById', () => {
  it('keeps the first record of each id, in order', () => {
    expect(
      uniqueById([
        { id: 'a', n: 1 },
        { id: 'b', n: 2 },
        { id: 'a', n: 3 },
      ]),
    ).toEqual([
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
    ]);
  });
});

describe('comparableText and isCancelled', () => {
  it('trims and lower-cases text; anything else is ""', () => {
    expect(comparableText('  High ')).toBe('high');
    expect(comparableText(null)).toBe('');
    expect(comparableText(3)).toBe('');
  });

  it('compares text as people read it: however an accent is encoded, in full-width letters, with a no-break space', () => {
    const precomposed = 'Jos\u00e9 Garc\u00eda';
    expect(comparableText('Jose\u0301 Garci\u0301a')).toBe(comparableText(precomposed));
    expect(comparableText('ＪＯＳÉ GARCÍA')).toBe(comparableText(precomposed));
    expect(comparableText('\u00a0José García\u00a0')).toBe(comparableText(precomposed));
    expect(comparableText('STRAUSS')).toBe(comparableText('Strauß'));
    // Half of an emoji is text too: no throw, and it equals nothing else.
    expect(comparableText('jos\ud83d')).toBe('jos\ud83d');
  });

  it.each([
    ['cancelled', true],
    ['canceled', true],
    [' CANCELLED ', true],
    ['confirmed', false],
    [null, false],
  ])('isCancelled(%j) is %s', (status, expected) => {
    expect(isCancelled(status)).toBe(expected);
  });
});
