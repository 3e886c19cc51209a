// A local date and time (a booking's) as an ISO 8601 date-time with the offset of the Zap's time zone.
// Offsets come from Intl (the time zone database Node ships), never from a table of our own.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** What a run outside a Zap (no time zone) or with a time zone Intl does not know is expressed in. */
const FALLBACK_TIME_ZONE = 'UTC';

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** A formatter that names a zone's offset at an instant ("GMT-05:00"); undefined for a zone Intl does not know. */
const offsetFormatter = (timeZone: string): Intl.DateTimeFormat | undefined => {
  const cached = offsetFormatters.get(timeZone);
  if (cached) return cached;
  try {
    const formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatters.set(timeZone, formatter);
    return formatter;
  } catch {
    return undefined;
  }
};

/** The zone's offset from UTC at an instant, in whole minutes (local mean time before ~1900 has seconds). */
const offsetMinutes = (zone: Intl.DateTimeFormat, instant: number): number => {
  // "4/15/2026, GMT-05:00": "GMT" for UTC itself, otherwise "GMT+05:30" or "GMT-05:50:36".
  const text = zone.format(instant);
  const name = text.slice(text.lastIndexOf('GMT'));
  const [hours, minutes, seconds] = `${name.slice(4)}:0:0:0`.split(':').map(Number);
  const sign = name.startsWith('GMT-') ? -1 : 1;
  return sign * Math.round(Number(hours) * 60 + Number(minutes) + Number(seconds) / 60);
};

/** The Zap's zone as a formatter; the fallback zone when there is none or Intl does not know it. */
const zoneOf = (timeZone: string | undefined): Intl.DateTimeFormat =>
  (timeZone === undefined ? undefined : offsetFormatter(timeZone)) ??
  (offsetFormatter(FALLBACK_TIME_ZONE) as Intl.DateTimeFormat);

/** Milliseconds of a wall-clock time read as if it were UTC; undefined for a day or time that does not exist. */
const wallClock = (date: unknown, time: unknown): number | undefined => {
  const day = typeof date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim()) : null;
  const clock = typeof time === 'string' ? /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time.trim()) : null;
  if (!day || !clock) return undefined;
  const [year, month, dayOfMonth] = day.slice(1).map(Number) as [number, number, number];
  // An absent seconds group is undefined at run time, whatever the array's type says.
  const groups = clock.slice(1) as (string | undefined)[];
  const [hour, minute, second] = groups.map((part) => Number(part ?? 0)) as [number, number, number];
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, dayOfMonth); // not Date.UTC: it reads years 0–99 as 1900–1999
  wall.setUTCHours(hour, minute, second);
  const exists = wall.getUTCMonth() === month - 1 && wall.getUTCDate() === dayOfMonth && hour < 24 && minute < 60;
  return exists && second < 60 ? wall.getTime() : undefined;
};

/**
 * The instant a wall-clock time names in a zone. Around a DST change the offsets a day before and a day
 * after are the two candidates. A time that occurs twice (clocks go back) is the earlier one; a time that
 * does not occur (clocks go forward) is read with the offset before the change, so it lands as much later
 * as the gap is long (02:30 on the spring-forward day in Chicago → 03:30-05:00). Temporal's "compatible".
 */
const instantOf = (wall: number, zone: Intl.DateTimeFormat): number => {
  const before = wall - offsetMinutes(zone, wall - DAY) * MINUTE;
  const after = wall - offsetMinutes(zone, wall + DAY) * MINUTE;
  const shows = (instant: number) => instant + offsetMinutes(zone, instant) * MINUTE === wall;
  return shows(before) || !shows(after) ? before : after;
};

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/**
 * `2026-04-15T09:00:00-05:00`: the instant as the zone's wall clock, with the zone's offset at that instant;
 * null past the year 9999, which this form cannot write.
 */
const isoInZone = (instant: number, zone: Intl.DateTimeFormat): string | null => {
  const offset = offsetMinutes(zone, instant);
  const wall = new Date(instant + offset * MINUTE);
  if (wall.getUTCFullYear() > 9999) return null;
  const date = `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
  const time = `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}`;
  const sign = offset < 0 ? '-' : '+';
  return `${date}T${time}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
};

export interface AppointmentTimes {
  scheduled_start: string | null;
  /** Present only when the user gave an appointment length. */
  scheduled_end?: string | null;
}

/**
 * `scheduled_start` (and `scheduled_end` when a length is given) from a booking's local date and time, in
 * `timeZone` (IANA), or in UTC when there is none or it is unknown. Null when the date or time is not one.
 */
export const appointmentTimes = (
  date: unknown,
  time: unknown,
  timeZone: string | undefined,
  lengthMinutes: number | undefined,
): AppointmentTimes => {
  const zone = zoneOf(timeZone);
  const wall = wallClock(date, time);
  const start = wall === undefined ? undefined : instantOf(wall, zone);
  const scheduled_start = start === undefined ? null : isoInZone(start, zone);
  if (lengthMinutes === undefined) return { scheduled_start };
  // Added to the instant, then shown in the zone: a span across a DST change keeps its real length.
  return {
    scheduled_start,
    scheduled_end: start === undefined ? null : isoInZone(start + lengthMinutes * MINUTE, zone),
  };
};
