// What the sandbox holds: the records, the webhook registry, the queued faults, the request log,
// and how events and reseeding change them.
import type { Booking } from '../../lib/bookings';
import type { CallDetail } from '../../lib/calls';
import type { Lead } from '../../lib/leads';
import type { Stats } from '../../lib/stats';
import type { Webhook, WebhookEvent } from '../../lib/webhooks';
import type { Fault } from './faults';
import { HttpError, isRecord } from './http';
import { bookingFor, callFor, generated, leadFor, PEOPLE, seed, type SeedData } from './seed';

export const EVENTS: readonly WebhookEvent[] = [
  'new_call',
  'missed_call',
  'new_lead',
  'new_booking',
  'booking_cancelled',
];

export const newestFirst = <T>(records: T[], field: keyof T): T[] =>
  [...records].sort((a, b) => String(b[field]).localeCompare(String(a[field])));

export const iso = (time: number) => new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The record with this id, or a 404 naming it. */
export const findById = <T extends { id: string }>(records: T[], id: string, noun: string): T => {
  const record = records.find((candidate) => candidate.id === id);
  if (!record) throw new HttpError(404, `${noun} ${id} not found.`);
  return record;
};

export class SandboxState {
  data: SeedData = seed();
  webhooks: Webhook[] = [];
  faults: Fault[] = [];
  /** API requests (`GET /api/v1/calls?limit=100`) since start or the last reset, faults included. */
  requests: string[] = [];
  /** Serialised GET answers, until the data changes. */
  readonly answers = new Map<string, string>();
  private counter = 0;

  reset() {
    this.data = seed();
    this.webhooks = [];
    this.faults = [];
    this.counter = 0;
    this.requests = [];
    this.answers.clear();
  }

  /** A new id for a webhook or an emitted record. */
  nextNumber(): number {
    this.counter += 1;
    return this.counter;
  }

  stats(): Stats {
    const calls = this.data.calls;
    const newest = Math.max(...calls.map((call) => Date.parse(call.timestamp)));
    const day = iso(newest).slice(0, 10);
    const today = calls.filter((call) => call.timestamp.startsWith(day));
    const answered = calls.filter((call) => call.status !== 'missed');
    const hours = new Map<string, number>();
    for (const call of calls) {
      const hour = call.timestamp.slice(11, 13);
      hours.set(hour, (hours.get(hour) ?? 0) + 1);
    }
    const busiest = [...hours.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '00';
    return {
      total_calls_today: today.length,
      total_calls_this_week: calls.filter((call) => newest - Date.parse(call.timestamp) < 7 * 86_400_000).length,
      total_calls_this_month: calls.filter((call) => call.timestamp.startsWith(day.slice(0, 7))).length,
      missed_calls_today: today.filter((call) => call.status === 'missed').length,
      average_call_duration_seconds: Math.round(
        answered.reduce((sum, call) => sum + call.duration_seconds, 0) / Math.max(answered.length, 1),
      ),
      total_leads_captured: this.data.leads.length,
      total_bookings: this.data.bookings.length,
      busiest_hour: `${busiest}:00 UTC`,
      response_time_average_seconds: 12,
    };
  }

  /** What NeverMiss records when a call, lead or booking happens (`overrides` from the control request). */
  recordEvent(event: WebhookEvent, overrides: Record<string, unknown>): CallDetail | Lead | Booking {
    const number = this.nextNumber();
    const now = Date.now();
    const index = this.data.calls.length + number;
    const id = (prefix: string) =>
      typeof overrides.id === 'string' ? overrides.id : `${prefix}_01HXSBX${String(9000 + number)}`;
    this.answers.clear();
    if (event === 'new_call' || event === 'missed_call') {
      const call = {
        ...callFor(index, now, event === 'missed_call' ? 'missed' : 'completed'),
        ...overrides,
      } as CallDetail;
      call.id = id('call');
      this.data.calls.push(call);
      return call;
    }
    if (event === 'new_lead') {
      const lead = { ...leadFor(index % PEOPLE.length, now), ...overrides, id: id('lead') };
      this.data.leads.push(lead);
      return lead;
    }
    if (event === 'new_booking') {
      const booking = { ...bookingFor(index % PEOPLE.length, now), ...overrides, id: id('book') };
      this.data.bookings.push(booking);
      return booking;
    }
    return this.cancelBooking(overrides);
  }

  private cancelBooking(overrides: Record<string, unknown>): Booking {
    const target =
      typeof overrides.id === 'string'
        ? findById(this.data.bookings, overrides.id, 'Booking')
        : newestFirst(this.data.bookings, 'created_at').find((booking) => booking.status === 'confirmed');
    if (!target) throw new HttpError(404, 'No confirmed booking to cancel.');
    return Object.assign(target, overrides, { status: 'cancelled' });
  }

  /**
   * A booking changed in place, as NeverMiss changes a moved or cancelled appointment (assumed): no
   * webhook event, only `GET /bookings` and `GET /bookings/{id}` answer it changed.
   */
  updateBooking(id: string, changes: unknown): Booking {
    if (!isRecord(changes) || 'id' in changes) throw new HttpError(400, 'Send the fields to change, without "id".');
    const booking = findById(this.data.bookings, id, 'Booking');
    this.answers.clear();
    return Object.assign(booking, changes);
  }

  /**
   * `{ "leads": 100000 }`: replaces those records with that many generated ones; `"upcoming": n` makes the
   * n newest bookings appointments still to come (booked in the minutes before now, for 1 to 5 days later).
   */
  reseed(body: unknown): Record<string, number> {
    if (!isRecord(body)) {
      throw new HttpError(400, 'Send { "calls"?: n, "leads"?: n, "bookings"?: n, "upcoming"?: n }.');
    }
    const counts: Record<string, number> = {};
    for (const kind of ['calls', 'leads', 'bookings', 'upcoming'] as const) {
      const count = body[kind];
      if (count === undefined) continue;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > 1_000_000) {
        throw new HttpError(400, `${kind} must be a whole number from 0 to 1,000,000.`);
      }
      counts[kind] = count;
    }
    this.answers.clear();
    if (counts.calls !== undefined) this.data.calls = generated.calls(counts.calls);
    if (counts.leads !== undefined) this.data.leads = generated.leads(counts.leads);
    if (counts.bookings !== undefined) this.data.bookings = generated.bookings(counts.bookings, counts.upcoming);
    return counts;
  }
}
