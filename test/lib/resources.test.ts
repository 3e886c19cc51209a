import { scheduledStart } from '../../lib/resources';

describe('scheduledStart', () => {
  it.each([
    ['2026-04-15', '09:00', '2026-04-15T09:00'],
    ['2026-04-15', '9:05', '2026-04-15T09:05'],
    [' 2026-04-15 ', '13:30:00', '2026-04-15T13:30'],
    ['2026-04-15', '', null],
    ['2026-04-15', null, null],
    ['April 15', '09:00', null],
    [undefined, '09:00', null],
    ['2026-04-15', '9am', null],
  ])('joins %j and %j as %j', (date, time, expected) => {
    expect(scheduledStart(date, time)).toBe(expected);
  });
});
