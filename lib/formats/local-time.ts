// Times in the Zap's time zone: a booking's local date and time as an ISO 8601 date-time with the zone's
// offset, and any instant as a date-time people read ("Wed, Apr 15, 2026, 9:00 AM CDT"). Offsets,
// names and calendars come from Intl (the time zone database Node ships), never from a table of our own.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** What a run outside a Zap (no time zone) or with a time zone Intl does not know is expressed in. */
const FALLBACK_TIME_ZONE = 'UTC';

/**
 * A function's answers kept for the keys a run asks again (a business's appointment slots repeat across its
 * bookings), emptied when it grows past `bound`: a list of 1,000 bookings formats each slot once.
 */
const remembered = <K, V>(compute: (key: K) => V, bound = 10_000): ((key: K) => V) => {
  const answers = new Map<K, V>();
  return (key) => {
    const known = answers.get(key);
    if (known !== undefined) return known;
    if (answers.size >= bound) answers.clear();
    const answer = compute(key);
    answers.set(key, answer);
    return answer;
  };
};

/** ICU puts a narrow or thin no-break space before "AM" in some versions: SMS and email want a plain one. */
const plainSpaces = (text: string): string => text.replace(/[\u202F\u2009\u00A0]/g, ' ');

/** A time zone: its offset from UTC at an instant, in whole minutes, and the forms people read. */
interface Zone {
  offsetAt: (instant: number) => number;
  /** "Wed, Apr 15, 2026, 9:00 AM CDT": a date, a 12-hour time and the zone's abbreviation. */
  dateTimeAt: (instant: number) => string;
  /** "9:00 AM CDT". */
  hourAt: (instant: number) => string;
}

/** The offset a `longOffset` formatter names, in whole minutes (local mean time before ~1900 has seconds). */
const minutesOf = (formatted: string): number => {
  // "4/15/2026, GMT-05:00": "GMT" for UTC itself, otherwise "GMT+05:30" or "GMT-05:50:36".
  const name = formatted.slice(formatted.lastIndexOf('GMT'));
  const [hours, minutes, seconds] = `${name.slice(4)}:0:0:0`.split(':').map(Number);
  const sign = name.startsWith('GMT-') ? -1 : 1;
  return sign * Math.round(Number(hours) * 60 + Number(minutes) + Number(seconds) / 60);
};

const zones = new Map<string, Zone | null>();

/** The zone; null for a zone Intl does not know. */
const zoneNamed = (timeZone: string): Zone | null => {
  const cached = zones.get(timeZone);
  if (cached !== undefined) return cached;
  let zone: Zone | null;
  try {
    const format = (options: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short', ...options });
    const offset = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    const dateTime = format({
      weekday: 'short',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    });
    const hour = format({ hour: 'numeric', minute: '2-digit' });
    zone = {
      offsetAt: remembered((instant: number) => minutesOf(offset.format(instant))),
      dateTimeAt: remembered((instant: number) => plainSpaces(dateTime.format(instant))),
      hourAt: (instant) => plainSpaces(hour.format(instant)),
    };
  } catch {
    zone = null;
  }
  zones.set(timeZone, zone);
  return zone;
};

/** The Zap's zone; UTC when there is none or Intl does not know it. */
const zoneOf = (timeZone: string | undefined): Zone =>
  (timeZone === undefined ? null : zoneNamed(timeZone)) ?? (zoneNamed(FALLBACK_TIME_ZONE) as Zone);

/**
 * The hour, minute and second NeverMiss's local time of day spells (`9:00`, `09:00`, `09:00:00`, spaces
 * around it allowed); undefined when it is not written so. Not checked against a clock: 25:99 is read too.
 */
export const timeOfDay = (time: unknown): [hour: number, minute: number, second: number] | undefined => {
  const clock = typeof time === 'string' ? /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time.trim()) : null;
  return clock ? [Number(clock[1]), Number(clock[2]), Number(clock[3] ?? 0)] : undefined;
};

/** Milliseconds of a wall-clock time read as if it were UTC; undefined for a day or time that does not exist. */
const wallClock = (date: unknown, time: unknown): number | undefined => {
  const day = typeof date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim()) : null;
  const clock = timeOfDay(time);
  if (!day || !clock) return undefined;
  const [year, month, dayOfMonth] = day.slice(1).map(Number) as [number, number, number];
  const [hour, minute, second] = clock;
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
const instantOf = (wall: number, zone: Zone): number => {
  const [offsetBefore, offsetAfter] = [zone.offsetAt(wall - DAY), zone.offsetAt(wall + DAY)];
  const before = wall - offsetBefore * MINUTE;
  // No change of offset within a day of it, as for nearly every time: the one candidate.
  if (offsetBefore === offsetAfter) return before;
  const after = wall - offsetAfter * MINUTE;
  const shows = (instant: number) => instant + zone.offsetAt(instant) * MINUTE === wall;
  return shows(before) || !shows(after) ? before : after;
};

/** The instant a local date and time (`2026-04-15`, `09:00`) name in the zone; undefined when they are no date and time. */
export const localInstant = (date: unknown, time: unknown, timeZone: string | undefined): number | undefined => {
  const wall = wallClock(date, time);
  return wall === undefined ? undefined : instantOf(wall, zoneOf(timeZone));
};

/** An ISO 8601 date, or date-time with or without its offset: `2026-04-11T14:30:00Z`, `…T09:30:00-05:00`. */
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:([T ])((?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?)(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** The API's timestamps: UTC, `Z`, a `T` between date and time. */
const CANONICAL = /^\d{4}-\d{2}-\d{2}T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?Z$/;

/** The number `count` ASCII digits from `from` spell (checked to be digits already), with no string made. */
const digitsAt = (text: string, from: number, count: number): number => {
  let number = 0;
  for (let at = from; at < from + count; at += 1) number = number * 10 + text.charCodeAt(at) - 48;
  return number;
};

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for a day that exists: `Date.parse` moves 2026-02-30 on to March 2 rather than refusing it. */
const isCalendarDay = (year: number, month: number, day: number): boolean => {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : Number(DAYS_IN_MONTH[month - 1]));
};

/**
 * Milliseconds since the epoch of an API timestamp (`2026-04-11T14:30:00Z`); undefined when it is none. Only
 * ISO 8601 counts (`Date.parse` would read "5" as a day in 2001), and one without an offset is UTC, as the
 * API's timestamps are, whatever the machine's own time zone. One `Date.parse` a timestamp: a list of
 * 100,000 records is sorted by it.
 */
export const instantOfTimestamp = (value: unknown): number | undefined => {
  // The API's own form first (`2026-04-11T14:30:00Z`), read as is.
  if (typeof value === 'string' && CANONICAL.test(value)) {
    const calendarDay = isCalendarDay(digitsAt(value, 0, 4), digitsAt(value, 5, 2), digitsAt(value, 8, 2));
    return calendarDay ? Date.parse(value) : undefined;
  }
  const match = typeof value === 'string' ? TIMESTAMP.exec(value.trim()) : null;
  if (!match) return undefined;
  const [text, year, month, day, separator, time, offset] = match;
  if (!isCalendarDay(Number(year), Number(month), Number(day))) return undefined;
  const date = `${String(year)}-${String(month)}-${String(day)}`;
  // `Date.parse` reads `Z`, `z`, `+0500` and `+05:00`, not `+05` or a space for the `T`.
  const iso =
    time === undefined
      ? `${date}T00:00:00Z`
      : separator === 'T' && offset !== undefined && offset.length !== 3
        ? text
        : `${date}T${time}${offset === undefined ? 'Z' : offset.length === 3 ? `${offset}:00` : offset}`;
  const instant = Date.parse(iso);
  return Number.isNaN(instant) ? undefined : instant;
};

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** The zone's wall clock at an instant, as a Date read in UTC. */
const wallAt = (instant: number, zone: Zone): Date => new Date(instant + zone.offsetAt(instant) * MINUTE);

const dateOf = (wall: Date): string =>
  `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;

/**
 * `2026-04-15`: the day an instant falls on in the zone, or `days` days later (earlier when negative),
 * counted in calendar days: a day of 23 or 25 hours is still one day.
 */
export const dateInZone = (instant: number, timeZone: string | undefined, days = 0): string => {
  const wall = wallAt(instant, zoneOf(timeZone));
  wall.setUTCDate(wall.getUTCDate() + days);
  return dateOf(wall);
};

/**
 * `2026-04-15T09:00:00-05:00`: the instant as the zone's wall clock, with the zone's offset at that instant;
 * null for no instant, and past the year 9999, which this form cannot write.
 */
export const isoInZone = (instant: number | undefined, timeZone: string | undefined): string | null => {
  if (instant === undefined) return null;
  const zone = zoneOf(timeZone);
  const offset = zone.offsetAt(instant);
  const wall = new Date(instant + offset * MINUTE);
  if (wall.getUTCFullYear() > 9999) return null;
  const date = dateOf(wall);
  const time = `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}`;
  const sign = offset < 0 ? '-' : '+';
  return `${date}T${time}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
};

/**
 * `Wed, Apr 15, 2026, 9:00 AM CDT`: an instant as people read it in the zone (US English, the zone's
 * abbreviation where the time zone database has one, else its offset: `GMT+5:30`); null for no instant.
 */
export const prettyInZone = (instant: number | undefined, timeZone: string | undefined): string | null =>
  instant === undefined || !Number.isFinite(instant) || Math.abs(instant) > 8.64e15
    ? null
    : zoneOf(timeZone).dateTimeAt(instant);

/** An API timestamp (`2026-04-11T14:30:00Z`) as people read it in the zone; null when it is none. */
export const prettyTimestamp = (timestamp: unknown, timeZone: string | undefined): string | null =>
  prettyInZone(instantOfTimestamp(timestamp), timeZone);

/**
 * `9:00 AM CDT` for NeverMiss's `14:00 UTC` (the busiest hour of the statistics) in the zone, on the day of
 * `now` (the offset depends on the day); null when it is not an hour of the day in UTC.
 */
export const utcHourInZone = (hour: unknown, timeZone: string | undefined, now: number): string | null => {
  const match = typeof hour === 'string' ? /^\s*(\d{1,2}):(\d{2})\s*(?:UTC|GMT|Z)\s*$/i.exec(hour) : null;
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) return null;
  const day = new Date(now);
  day.setUTCHours(Number(match[1]), Number(match[2]), 0, 0);
  return zoneOf(timeZone).hourAt(day.getTime());
};

/**
 * A booking's appointment in the zone: its start and (given a length) its end, as ISO 8601 and as people
 * read them. A type, not an interface: outputs are plain records (`Record<string, unknown>`).
 */
export type AppointmentTimes = {
  scheduled_start: string | null;
  scheduled_start_pretty: string | null;
  /** Null when no length was given, or the date or time is not one. */
  scheduled_end: string | null;
  scheduled_end_pretty: string | null;
};

/**
 * A booking's local date and time in `timeZone` (IANA), or in UTC when there is none or it is unknown.
 * The end is the start instant plus the length, then written in the same zone: a span across a DST change
 * keeps its real length. Every field is null when the date or time is not one.
 */
export const appointmentTimes = (
  date: unknown,
  time: unknown,
  timeZone: string | undefined,
  lengthMinutes: number | undefined,
): AppointmentTimes => {
  const start = localInstant(date, time, timeZone);
  const end = start === undefined || lengthMinutes === undefined ? undefined : start + lengthMinutes * MINUTE;
  const scheduledEnd = isoInZone(end, timeZone);
  return {
    scheduled_start: isoInZone(start, timeZone),
    scheduled_start_pretty: prettyInZone(start, timeZone),
    scheduled_end: scheduledEnd,
    // Like the ISO form, none past the year 9999.
    scheduled_end_pretty: scheduledEnd === null ? null : prettyInZone(end, timeZone),
  };
};
