// Statistics: the account's call figures (`GET /stats`), their output fields and sample.
import type { PlainOutputField, ZObject } from 'zapier-platform-core';

import { fetchRecord, type ApiSchemas } from './http/api';
import { outputFieldOf } from './record-type';

export type Stats = ApiSchemas['Stats'];

/** `GET /stats`: the account's figures; also the cheapest authenticated request. */
export const fetchStats = (z: ZObject): Promise<Stats> => fetchRecord<Stats>(z, { path: ['stats'] });

const field = outputFieldOf<Stats>();

export const statsOutputFields: PlainOutputField[] = [
  field('total_calls_today', 'Calls Today', 'integer'),
  field('total_calls_this_week', 'Calls This Week', 'integer'),
  field('total_calls_this_month', 'Calls This Month', 'integer'),
  field('missed_calls_today', 'Missed Calls Today', 'integer'),
  field('average_call_duration_seconds', 'Average Call Duration (Seconds)', 'number'),
  field('total_leads_captured', 'Leads Captured', 'integer'),
  field('total_bookings', 'Bookings', 'integer'),
  field('busiest_hour', 'Busiest Hour'),
  field('response_time_average_seconds', 'Average Response Time (Seconds)', 'number'),
];

export const statsSample: Stats = {
  total_calls_today: 12,
  total_calls_this_week: 67,
  total_calls_this_month: 248,
  missed_calls_today: 0,
  average_call_duration_seconds: 184,
  total_leads_captured: 15,
  total_bookings: 10,
  busiest_hour: '14:00 UTC',
  response_time_average_seconds: 12,
};
