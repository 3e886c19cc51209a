// Statistics: the account's figures (`GET /stats`), how they are output (the busiest hour in the Zap's time
// zone as well), their output fields and sample. The API documents the figures' names and examples only:
// the periods and units the labels name where the name does not are assumed (docs/api.md).
import type { Bundle, PlainOutputField, ZObject } from 'zapier-platform-core';

import { utcHourInZone } from './formats/local-time';
import { fetchRecord, type ApiSchemas } from './http/api';
import { outputFieldOf, withEveryOutputField, zapTimeZone } from './record-type';

export type Stats = ApiSchemas['Stats'];

/** The figures as the action outputs them. */
export type StatsOutput = Stats & {
  /** `busiest_hour` ("14:00 UTC") in the Zap's time zone, today: "9:00 AM CDT"; null when it is no hour in UTC. */
  busiest_hour_local: string | null;
};

/** `GET /stats`: the account's figures; also the cheapest authenticated request. */
export const fetchStats = (z: ZObject): Promise<Stats> => fetchRecord<Stats>(z, { path: ['stats'] });

const field = outputFieldOf<StatsOutput>();

export const statsOutputFields: PlainOutputField[] = [
  field('total_calls_today', 'Calls Today', 'integer'),
  field('total_calls_this_week', 'Calls This Week', 'integer'),
  field('total_calls_this_month', 'Calls This Month', 'integer'),
  field('missed_calls_today', 'Missed Calls Today', 'integer'),
  field('average_call_duration_seconds', 'Average Call Length (All Time, Seconds)', 'number'),
  field('total_leads_captured', 'Leads Captured (All Time)', 'integer'),
  field('total_bookings', 'Bookings (All Time)', 'integer'),
  field('busiest_hour', 'Busiest Hour of the Day (All Time, UTC)'),
  field('busiest_hour_local', 'Busiest Hour of the Day (All Time, Zap Time Zone)'),
  field('response_time_average_seconds', 'Average Time to Answer a Call (All Time, Seconds)', 'number'),
];

/** The figures, with the busiest hour in the Zap's time zone as well (UTC outside a Zap). */
export const statsOutput = (stats: Stats, bundle: Bundle, now = Date.now()): StatsOutput =>
  withEveryOutputField(statsOutputFields, {
    ...stats,
    busiest_hour_local: utcHourInZone(stats.busiest_hour, zapTimeZone(bundle), now),
  });

/** A realistic output for Zapier's editor: a Zap in America/Chicago in April (CDT). */
export const statsSample: StatsOutput = {
  total_calls_today: 12,
  total_calls_this_week: 67,
  total_calls_this_month: 248,
  missed_calls_today: 0,
  average_call_duration_seconds: 184,
  total_leads_captured: 15,
  total_bookings: 10,
  busiest_hour: '14:00 UTC',
  busiest_hour_local: '9:00 AM CDT',
  response_time_average_seconds: 12,
};
