// Bookings that change: the polling trigger New or Updated Booking. NeverMiss has no event for a moved
// appointment (assumed: a booking can change in place), so the trigger polls `GET /bookings` and gives
// each upcoming booking an id made of its own id and a digest of what a calendar shows; Zapier, which
// de-duplicates on `id`, runs the Zap when a booking appears and again whenever one of those fields changes.
import { createHash } from 'node:crypto';

import type { BasicPollingOperation, PlainOutputField, PollingTriggerPerform } from 'zapier-platform-core';

import { appointmentLengthField, bookings, bookingSample, type Booking, type BookingOutput } from './bookings';
import { dateInZone, timeOfDay } from './formats/local-time';
import { comparableText } from './formats/text';
import type { PlainObject } from './guards';
import { fetchListedRecords, outputFor, sortNewestFirst, uniqueById, zapTimeZone } from './record-type';

/** The fields whose change runs the Zap again: when, where, what, and whether the appointment still stands. */
export const WATCHED_FIELDS = ['scheduled_date', 'scheduled_time', 'address', 'service_type', 'status'] as const;

/** A booking in one state: its output, with an id for that state and the booking's own id. */
export type BookingChangeOutput = BookingOutput & {
  /** The booking's id and a digest of its watched fields, `book_01HXM4A9ZK-5d1c0a7e3b9f`: new for every change. */
  id: string;
  /** The booking's own id, for Find Booking or a later step. */
  booking_id: string;
};

/** Text as a calendar shows it: a change of spacing alone is no change. */
const shownText = (value: unknown): unknown => (typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : value);

/** `9:00`, `09:00` and `09:00:00` are one time. */
const shownTime = (value: unknown): unknown =>
  timeOfDay(value)
    ?.map((part) => String(part).padStart(2, '0'))
    .join(':') ?? shownText(value);

/** Each watched field as a calendar shows it; the status as the app compares it (case, spaces). */
const WATCHED_AS_SHOWN: Record<(typeof WATCHED_FIELDS)[number], (value: unknown) => unknown> = {
  scheduled_date: shownText,
  scheduled_time: shownTime,
  address: shownText,
  service_type: shownText,
  status: (value) => (typeof value === 'string' ? comparableText(value) : value),
};

/**
 * 12 hex digits of SHA-1 over the watched fields as a calendar shows them, as JSON: the same booking in the
 * same state, the same digest, however NeverMiss spaces or cases what did not change.
 */
export const bookingDigest = (booking: Booking): string =>
  createHash('sha1')
    .update(
      JSON.stringify(WATCHED_FIELDS.map((key) => WATCHED_AS_SHOWN[key]((booking as Partial<Booking>)[key] ?? null))),
    )
    .digest('hex')
    .slice(0, 12);

/**
 * The most upcoming bookings a poll gives: far more than a business has upcoming, and within what Zapier
 * takes from a poll (30 s, 20 MB). Past it, the soonest are given (docs/how-it-works.md).
 */
export const MAX_UPCOMING = 1000;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a booking on `from` or later; the string comparison first, as most of a long list is past. */
const isOnOrAfter = (booking: Booking, from: string): boolean => {
  const value: unknown = booking.scheduled_date;
  if (typeof value !== 'string') return false;
  const day = value.length === 10 ? value : value.trim();
  return day >= from && DATE.test(day);
};

/** `2026-04-15 09:00`: when an appointment is, as text that sorts as time does (a time that is none last in its day). */
const wallClockKey = (booking: Booking): string => {
  const time = typeof booking.scheduled_time === 'string' ? /^\s*(\d{1,2}):(\d{2})/.exec(booking.scheduled_time) : null;
  // Its day is a `YYYY-MM-DD` already (isOnOrAfter), perhaps with spaces around it.
  return `${booking.scheduled_date.trim()} ${time ? `${String(time[1]).padStart(2, '0')}:${String(time[2])}` : '99:99'}`;
};

/**
 * Of the upcoming bookings (on or after yesterday in the Zap's time zone: today's, in any zone, and a
 * booking moved today from yesterday), each id once, the soonest MAX_UPCOMING when there are more.
 */
const soonest = (upcoming: Booking[]): Booking[] => {
  const dated = uniqueById(upcoming);
  if (dated.length <= MAX_UPCOMING) return dated;
  return dated
    .map((booking) => ({ booking, key: wallClockKey(booking) }))
    .sort((a, b) => Number(a.key > b.key) - Number(a.key < b.key))
    .slice(0, MAX_UPCOMING)
    .map(({ booking }) => booking);
};

/** New Booking's output fields, with `id` the booking's state and `booking_id` the booking. */
export const bookingChangeOutputFields: PlainOutputField[] = [
  { key: 'id', label: 'Booking Version ID', type: 'string' },
  { key: 'booking_id', label: 'Booking ID', type: 'string' },
  ...bookings.outputFields.filter(({ key }) => key !== 'id'),
];

/** New Booking's sample, in the form this trigger outputs it. */
export const bookingChangeSample: BookingChangeOutput = {
  ...bookingSample,
  id: `${bookingSample.id}-${bookingDigest(bookingSample)}`,
  booking_id: bookingSample.id,
};

/**
 * The operation of New or Updated Booking: one `GET /bookings`; the upcoming bookings, newest booked first
 * (Zapier's polling order), every one of them (not the newest 100: Zapier's limit is 100 *new* items a poll,
 * and a change can happen to any upcoming booking), each with its id for its current state.
 */
export const bookingChangesOperation = (): BasicPollingOperation => {
  const perform: PollingTriggerPerform<PlainObject, BookingChangeOutput> = async (z, bundle) => {
    const toOutput = outputFor(z, bundle, bookings);
    const yesterday = dateInZone(Date.now(), zapTimeZone(bundle), -1);
    const upcoming = await fetchListedRecords(z, bookings, { matches: (booking) => isOnOrAfter(booking, yesterday) });
    return sortNewestFirst(soonest(upcoming), bookings.timestampField).map(
      // `id` keeps its place, first; `booking_id` comes after New Booking's fields.
      (booking) =>
        Object.assign(toOutput(booking), { id: `${booking.id}-${bookingDigest(booking)}`, booking_id: booking.id }),
    );
  };
  return {
    type: 'polling',
    inputFields: [appointmentLengthField],
    // See docs/integration-checks.md: a blank input is "not given", wherever it comes from.
    cleanInputData: true,
    perform,
    outputFields: bookingChangeOutputFields,
    sample: bookingChangeSample,
  };
};
