import { errors } from 'zapier-platform-core';

import { appointmentLength, MAX_APPOINTMENT_MINUTES } from '../../../lib/bookings';
import {
  appointmentTimes,
  dateInZone,
  instantOfTimestamp,
  isoInZone,
  prettyInZone,
  utcHourInZone,
} from '../../../lib/formats/local-time';

describe('appointmentTimes: scheduled_start in the Zap’s time zone', () => {
  it.each([
    ['summer (CDT) in Chicago', '2026-04-15', '09:00', 'America/Chicago', '2026-04-15T09:00:00-05:00'],
    ['winter (CST) in Chicago', '2026-01-15', '09:00', 'America/Chicago', '2026-01-15T09:00:00-06:00'],
    ['a half-hour zone without DST', '2026-04-15', '09:00', 'Asia/Kolkata', '2026-04-15T09:00:00+05:30'],
    ['a half-hour zone in its winter (ACST)', '2026-07-15', '09:00', 'Australia/Adelaide', '2026-07-15T09:00:00+09:30'],
    ['a half-hour zone in its summer (ACDT)', '2026-01-15', '09:00', 'Australia/Adelaide', '2026-01-15T09:00:00+10:30'],
    ['a quarter-hour zone', '2026-04-15', '09:00', 'Asia/Kathmandu', '2026-04-15T09:00:00+05:45'],
    ['UTC itself', '2026-04-15', '09:00', 'UTC', '2026-04-15T09:00:00+00:00'],
    ['a zone east of UTC', '2026-04-15', '23:30', 'Europe/Berlin', '2026-04-15T23:30:00+02:00'],
    ['a zone name in odd case', '2026-04-15', '09:00', 'america/chicago', '2026-04-15T09:00:00-05:00'],
    ['no zone (a run outside a Zap): UTC', '2026-04-15', '09:00', undefined, '2026-04-15T09:00:00+00:00'],
    ['an unknown zone: UTC, as with none', '2026-04-15', '09:00', 'Mars/Olympus_Mons', '2026-04-15T09:00:00+00:00'],
    ['a one-digit hour and seconds', ' 2026-04-15 ', '9:05:30', 'America/Chicago', '2026-04-15T09:05:30-05:00'],
    // Clocks go forward at 02:00 on 2026-03-08: 02:30 does not exist and is read with the offset before.
    ['a time in the spring-forward gap', '2026-03-08', '02:30', 'America/Chicago', '2026-03-08T03:30:00-05:00'],
    ['the day after a spring-forward', '2026-03-09', '00:30', 'America/Chicago', '2026-03-09T00:30:00-05:00'],
    // Clocks go back at 02:00 on 2026-11-01: 01:30 happens twice; the first (CDT) is taken.
    ['a time in the fall-back overlap', '2026-11-01', '01:30', 'America/Chicago', '2026-11-01T01:30:00-05:00'],
    ['the day after a fall-back', '2026-11-02', '00:30', 'America/Chicago', '2026-11-02T00:30:00-06:00'],
    [
      'local mean time (offset in seconds), to the minute',
      '1850-01-01',
      '12:00',
      'America/Chicago',
      '1850-01-01T12:00:00-05:51',
    ],
    ['a year before 100 (no 19xx)', '0050-06-01', '12:00', 'UTC', '0050-06-01T12:00:00+00:00'],
  ])('%s: %j %j in %j → %j', (_case, date, time, timeZone, expected) => {
    expect(appointmentTimes(date, time, timeZone, undefined)).toMatchObject({
      scheduled_start: expected,
      scheduled_end: null,
      scheduled_end_pretty: null,
    });
  });

  it.each([
    ['2026-04-15', ''],
    ['2026-04-15', null],
    ['April 15', '09:00'],
    [undefined, '09:00'],
    ['2026-04-15', '9am'],
    ['2026-02-30', '09:00'],
    ['2026-13-01', '09:00'],
    ['2026-04-15', '24:00'],
    ['2026-04-15', '09:60'],
    ['2026-04-15', '09:00:60'],
  ])('is null for %j %j, which is no date and time', (date, time) => {
    const none = {
      scheduled_start: null,
      scheduled_start_pretty: null,
      scheduled_end: null,
      scheduled_end_pretty: null,
    };
    expect(appointmentTimes(date, time, 'America/Chicago', undefined)).toEqual(none);
    expect(appointmentTimes(date, time, 'America/Chicago', 60)).toEqual(none);
  });
});

describe('appointmentTimes: scheduled_end', () => {
  it.each([
    ['an hour', '2026-04-15', '09:00', 'America/Chicago', 60, '2026-04-15T10:00:00-05:00'],
    ['zero minutes', '2026-04-15', '09:00', 'America/Chicago', 0, '2026-04-15T09:00:00-05:00'],
    ['past midnight', '2026-04-15', '23:30', 'Asia/Kolkata', 90, '2026-04-16T01:00:00+05:30'],
    ['no zone: UTC', '2026-04-15', '09:00', undefined, 45, '2026-04-15T09:45:00+00:00'],
    // Two real hours from 01:30 CST on the spring-forward day end at 04:30 CDT, not 03:30.
    ['across spring-forward', '2026-03-08', '01:30', 'America/Chicago', 120, '2026-03-08T04:30:00-05:00'],
    // Two real hours from the first 01:30 (CDT) on the fall-back day end at 02:30 CST.
    ['across fall-back', '2026-11-01', '01:30', 'America/Chicago', 120, '2026-11-01T02:30:00-06:00'],
    ['a week', '2026-04-15', '09:00', 'America/Chicago', MAX_APPOINTMENT_MINUTES, '2026-04-22T09:00:00-05:00'],
    ['past the year 9999, which the form cannot write: null', '9999-12-31', '23:00', 'UTC', 120, null],
  ])('%s: %j %j in %j plus %j minutes ends %j', (_case, date, time, timeZone, minutes, end) => {
    expect(appointmentTimes(date, time, timeZone, minutes).scheduled_end).toBe(end);
  });
});

describe('appointmentLength', () => {
  it.each([
    [undefined, undefined],
    [null, undefined],
    ['', undefined],
    ['   ', undefined],
    [60, 60],
    ['60', 60],
    [' 90 ', 90],
    [0, 0],
    [MAX_APPOINTMENT_MINUTES, MAX_APPOINTMENT_MINUTES],
  ])('reads %j as %j', (input, minutes) => {
    expect(appointmentLength(input)).toBe(minutes);
  });

  it.each([
    [-15, '-15'],
    ['-15', '"-15"'],
    ['1.5', '"1.5"'],
    [1.5, '1.5'],
    ['an hour', '"an hour"'],
    [MAX_APPOINTMENT_MINUTES + 1, String(MAX_APPOINTMENT_MINUTES + 1)],
    [Number.NaN, 'NaN'],
    [{ minutes: 60 }, 'given'],
  ])('refuses %j with a clear invalid_input error', (input, got) => {
    let thrown: unknown;
    try {
      appointmentLength(input);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(errors.Error);
    expect(JSON.parse((thrown as Error).message)).toMatchObject({
      message: `The Appointment Length ${got} is not a whole number of minutes from 0 to 10080 (a week). Enter a length such as 60, or leave it empty for no end time.`,
      code: 'invalid_input',
    });
  });
});

describe('prettyInZone: a moment as people read it in the Zap’s time zone', () => {
  it.each([
    ['a summer morning in Chicago (CDT)', '2026-04-15T14:00:00Z', 'America/Chicago', 'Wed, Apr 15, 2026, 9:00 AM CDT'],
    [
      'a winter afternoon in Chicago (CST)',
      '2026-01-15T20:30:00Z',
      'America/Chicago',
      'Thu, Jan 15, 2026, 2:30 PM CST',
    ],
    ['New York in summer', '2026-07-04T16:05:00Z', 'America/New_York', 'Sat, Jul 4, 2026, 12:05 PM EDT'],
    ['Los Angeles at midnight', '2026-04-15T07:00:00Z', 'America/Los_Angeles', 'Wed, Apr 15, 2026, 12:00 AM PDT'],
    ['Phoenix, which keeps standard time', '2026-07-01T19:00:00Z', 'America/Phoenix', 'Wed, Jul 1, 2026, 12:00 PM MST'],
    // Clocks go forward at 02:00 local on 2026-03-08: 08:00Z is 02:00 CST → 03:00 CDT.
    ['the first minute of CDT', '2026-03-08T08:00:00Z', 'America/Chicago', 'Sun, Mar 8, 2026, 3:00 AM CDT'],
    ['the last minute of CST before it', '2026-03-08T07:59:00Z', 'America/Chicago', 'Sun, Mar 8, 2026, 1:59 AM CST'],
    // Clocks go back at 02:00 local on 2026-11-01: 01:30 comes twice, first as CDT, then as CST.
    [
      'the first 01:30 of the fall-back day',
      '2026-11-01T06:30:00Z',
      'America/Chicago',
      'Sun, Nov 1, 2026, 1:30 AM CDT',
    ],
    ['the second 01:30', '2026-11-01T07:30:00Z', 'America/Chicago', 'Sun, Nov 1, 2026, 1:30 AM CST'],
    [
      'a zone without an abbreviation: its offset',
      '2026-04-15T14:00:00Z',
      'Asia/Kolkata',
      'Wed, Apr 15, 2026, 7:30 PM GMT+5:30',
    ],
    ['another day in the zone than in UTC', '2026-04-15T23:30:00Z', 'Asia/Tokyo', 'Thu, Apr 16, 2026, 8:30 AM GMT+9'],
    ['UTC', '2026-04-15T14:00:00Z', 'UTC', 'Wed, Apr 15, 2026, 2:00 PM UTC'],
    ['no zone (a run outside a Zap): UTC', '2026-04-15T14:00:00Z', undefined, 'Wed, Apr 15, 2026, 2:00 PM UTC'],
    [
      'an unknown zone: UTC, and it says so',
      '2026-04-15T14:00:00Z',
      'Mars/Olympus_Mons',
      'Wed, Apr 15, 2026, 2:00 PM UTC',
    ],
  ])('%s: %s in %j → %j', (_case, iso, timeZone, expected) => {
    expect(prettyInZone(Date.parse(iso), timeZone)).toBe(expected);
  });

  it('stays right past the moments it keeps: a list of more distinct times than it remembers', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    const formats = Array.from({ length: 10_005 }, (_, i) => prettyInZone(start + i * 60_000, 'America/Chicago'));
    expect(formats[0]).toBe('Wed, Dec 31, 2025, 6:00 PM CST');
    expect(formats.at(-1)).toBe(prettyInZone(start + 10_004 * 60_000, 'America/Chicago'));
    expect(prettyInZone(start, 'America/Chicago')).toBe('Wed, Dec 31, 2025, 6:00 PM CST');
  });

  it('uses plain spaces only, and is null for no moment', () => {
    expect(prettyInZone(Date.parse('2026-04-15T14:00:00Z'), 'America/Chicago')).toMatch(/^[\x20-\x7E]+$/);
    expect(prettyInZone(undefined, 'America/Chicago')).toBeNull();
    expect(prettyInZone(Number.NaN, 'UTC')).toBeNull();
    expect(prettyInZone(9e15, 'UTC')).toBeNull();
  });

  it('gives a booking’s start and end in both forms, the end null without a length', () => {
    expect(appointmentTimes('2026-03-08', '01:30', 'America/Chicago', 120)).toEqual({
      scheduled_start: '2026-03-08T01:30:00-06:00',
      scheduled_start_pretty: 'Sun, Mar 8, 2026, 1:30 AM CST',
      scheduled_end: '2026-03-08T04:30:00-05:00',
      scheduled_end_pretty: 'Sun, Mar 8, 2026, 4:30 AM CDT',
    });
    expect(appointmentTimes('2026-04-15', '09:00', 'America/Chicago', undefined)).toEqual({
      scheduled_start: '2026-04-15T09:00:00-05:00',
      scheduled_start_pretty: 'Wed, Apr 15, 2026, 9:00 AM CDT',
      scheduled_end: null,
      scheduled_end_pretty: null,
    });
  });
});

describe('utcHourInZone: the busiest hour of the statistics in the Zap’s time zone', () => {
  const april = Date.parse('2026-04-15T12:00:00Z');
  const january = Date.parse('2026-01-15T12:00:00Z');
  it.each([
    ['14:00 UTC', 'America/Chicago', april, '9:00 AM CDT'],
    ['14:00 UTC', 'America/Chicago', january, '8:00 AM CST'],
    ['09:30 UTC', 'Asia/Kolkata', april, '3:00 PM GMT+5:30'],
    ['14:00 utc', 'UTC', april, '2:00 PM UTC'],
    ['14:00 GMT', undefined, april, '2:00 PM UTC'],
    ['23:00 UTC', 'Asia/Tokyo', april, '8:00 AM GMT+9'],
  ])('%j in %j → %j', (hour, timeZone, now, expected) => {
    expect(utcHourInZone(hour, timeZone, now)).toBe(expected);
  });

  it.each([['14:00'], ['2 PM'], ['25:00 UTC'], ['14:60 UTC'], [''], [null], [14]])(
    'is null for %j, which is no hour in UTC',
    (hour) => {
      expect(utcHourInZone(hour, 'America/Chicago', april)).toBeNull();
    },
  );
});

describe('dateInZone and isoInZone', () => {
  it('counts calendar days in the zone, whatever a day’s length around DST', () => {
    // 00:30 CDT on the day after spring-forward (a 23-hour day): yesterday is March 8, not March 7.
    const afterSpringForward = Date.parse('2026-03-09T05:30:00Z');
    expect(dateInZone(afterSpringForward, 'America/Chicago')).toBe('2026-03-09');
    expect(dateInZone(afterSpringForward, 'America/Chicago', -1)).toBe('2026-03-08');
    expect(dateInZone(afterSpringForward, 'America/Chicago', 1)).toBe('2026-03-10');
    expect(dateInZone(afterSpringForward, undefined)).toBe('2026-03-09');
    expect(dateInZone(Date.parse('2026-12-31T23:30:00Z'), 'Asia/Tokyo', 0)).toBe('2027-01-01');
  });

  it('writes no instant as null', () => {
    expect(isoInZone(undefined, 'UTC')).toBeNull();
  });
});

describe('instantOfTimestamp: only ISO 8601, and UTC where no offset is given', () => {
  it.each([
    ['2026-04-11T14:30:00Z', '2026-04-11T14:30:00.000Z'],
    ['2026-04-11T14:30:00.5z', '2026-04-11T14:30:00.500Z'],
    ['2026-04-11T09:30:00-05:00', '2026-04-11T14:30:00.000Z'],
    ['2026-04-11T09:30:00-0500', '2026-04-11T14:30:00.000Z'],
    ['2026-04-11T09:30:00-05', '2026-04-11T14:30:00.000Z'],
    ['2026-04-11T20:00+05:30', '2026-04-11T14:30:00.000Z'],
    ['2026-04-11 14:30:00', '2026-04-11T14:30:00.000Z'],
    ['2026-04-11 09:30:00-05:00', '2026-04-11T14:30:00.000Z'],
    [' 2026-04-11T14:30:00 ', '2026-04-11T14:30:00.000Z'],
    ['2026-04-11', '2026-04-11T00:00:00.000Z'],
  ])('%j is %s', (value, iso) => {
    expect(new Date(Number(instantOfTimestamp(value))).toISOString()).toBe(iso);
  });

  it.each([
    ['5'],
    ['Call 12'],
    ['April 11, 2026'],
    ['2026-02-30T00:00:00Z'],
    ['2026-13-45'],
    ['2026-04-11T24:00:00Z'],
    ['2026-04-11T09:30:00+99:99'],
    [''],
    [null],
    [1_775_917_800_000],
  ])('%j is no timestamp', (value) => {
    expect(instantOfTimestamp(value)).toBeUndefined();
  });
});
