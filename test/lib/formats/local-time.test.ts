import { errors } from 'zapier-platform-core';

import { appointmentLength, MAX_APPOINTMENT_MINUTES } from '../../../lib/bookings';
import { appointmentTimes } from '../../../lib/formats/local-time';

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
    expect(appointmentTimes(date, time, timeZone, undefined)).toEqual({ scheduled_start: expected });
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
    expect(appointmentTimes(date, time, 'America/Chicago', undefined)).toEqual({ scheduled_start: null });
    expect(appointmentTimes(date, time, 'America/Chicago', 60)).toEqual({ scheduled_start: null, scheduled_end: null });
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
    [-15, 'got -15'],
    ['-15', 'got "-15"'],
    ['1.5', 'got "1.5"'],
    [1.5, 'got 1.5'],
    ['an hour', 'got "an hour"'],
    [MAX_APPOINTMENT_MINUTES + 1, `got ${String(MAX_APPOINTMENT_MINUTES + 1)}`],
    [Number.NaN, 'got NaN'],
    [{ minutes: 60 }, 'got no number'],
  ])('refuses %j with a clear invalid_input error', (input, got) => {
    let thrown: unknown;
    try {
      appointmentLength(input);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(errors.Error);
    expect(JSON.parse((thrown as Error).message)).toMatchObject({
      message: `Appointment Length (minutes) must be a whole number of minutes from 0 to 10080 (a week), e.g. 60; ${got}.`,
      code: 'invalid_input',
    });
  });
});
