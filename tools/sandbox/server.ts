// A stateful stand-in for the NeverMiss API on the loopback interface, for real-HTTP tests and demos.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { ApiErrorBody, Booking, CallDetail, Lead, Stats, Webhook, WebhookEvent } from '../../lib/models';
import { bookingFor, callFor, generated, leadFor, PEOPLE, seed, type SeedData } from './seed';

export const SANDBOX_API_KEY = 'nm_test_sandbox';
export const DEFAULT_SANDBOX_PORT = 4010;
const API_PREFIX = '/api/v1';
const EVENTS: readonly WebhookEvent[] = ['new_call', 'missed_call', 'new_lead', 'new_booking', 'booking_cancelled'];

/**
 * What `POST /_sandbox/faults` asks for: the next `times` API requests fail (or slow down) this way.
 * Bodies: `html` (a proxy's error page), `malformed` (truncated JSON); and, on the real answer,
 * `no-envelope` (its `data` unwrapped), `wrong-type` (a record where a list belongs and the reverse),
 * `nulls` (every field but `id` null).
 */
export interface Fault {
  status?: number;
  times: number;
  retry_after?: number;
  delay_ms?: number;
  body?: FaultBody;
}

const FAULT_BODIES = ['html', 'malformed', 'no-envelope', 'wrong-type', 'nulls'] as const;
type FaultBody = (typeof FAULT_BODIES)[number];

export interface Delivery {
  webhook_id: string;
  url: string;
  status?: number;
  error?: string;
}

export interface SandboxOptions {
  port?: number;
  host?: string;
  /** Called with one line per API request. */
  log?: (line: string) => void;
}

export interface Sandbox {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `http://127.0.0.1:<port>/api/v1`: what NEVERMISS_API_URL should be. */
  apiUrl: string;
  port: number;
  /** API requests (`GET /api/v1/calls?limit=100`) since start or the last reset, faults included. */
  requestLog: () => string[];
  close: () => Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const MESSAGES: Record<number, string> = {
  400: 'Invalid request parameters.',
  401: 'Invalid API key.',
  404: 'Not found.',
  429: 'Too many requests. Slow down.',
  500: 'Internal server error.',
  502: 'Bad gateway.',
  503: 'Service unavailable.',
};

const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
};

const sendError = (res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) => {
  send(res, status, { error: { status, message } } satisfies ApiErrorBody, headers);
};

const readJson = async (req: IncomingMessage): Promise<unknown> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.');
  }
};

const isLoopback = (address: string | undefined) =>
  address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const newestFirst = <T>(records: T[], field: keyof T): T[] =>
  [...records].sort((a, b) => String(b[field]).localeCompare(String(a[field])));

const iso = (time: number) => new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');

export const startSandbox = async ({
  port = DEFAULT_SANDBOX_PORT,
  host = '127.0.0.1',
  log,
}: SandboxOptions = {}): Promise<Sandbox> => {
  let data: SeedData = seed();
  let webhooks: Webhook[] = [];
  let faults: Fault[] = [];
  let counter = 0;
  let requests: string[] = [];
  /** Serialised GET answers, until the data changes. */
  const answers = new Map<string, string>();

  const reset = () => {
    data = seed();
    webhooks = [];
    faults = [];
    counter = 0;
    requests = [];
  };

  const stats = (): Stats => {
    const newest = Math.max(...data.calls.map((call) => Date.parse(call.timestamp)));
    const day = iso(newest).slice(0, 10);
    const month = day.slice(0, 7);
    const today = data.calls.filter((call) => call.timestamp.startsWith(day));
    const answered = data.calls.filter((call) => call.status !== 'missed');
    const hours = new Map<string, number>();
    for (const call of data.calls) {
      const hour = call.timestamp.slice(11, 13);
      hours.set(hour, (hours.get(hour) ?? 0) + 1);
    }
    const busiest = [...hours.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '00';
    return {
      total_calls_today: today.length,
      total_calls_this_week: data.calls.filter((call) => newest - Date.parse(call.timestamp) < 7 * 86_400_000).length,
      total_calls_this_month: data.calls.filter((call) => call.timestamp.startsWith(month)).length,
      missed_calls_today: today.filter((call) => call.status === 'missed').length,
      average_call_duration_seconds: Math.round(
        answered.reduce((sum, call) => sum + call.duration_seconds, 0) / Math.max(answered.length, 1),
      ),
      total_leads_captured: data.leads.length,
      total_bookings: data.bookings.length,
      busiest_hour: `${busiest}:00 UTC`,
      response_time_average_seconds: 12,
    };
  };

  const listOf = <T extends { id: string }>(records: T[], field: keyof T, limit?: number) => {
    const sorted = newestFirst(records, field).slice(0, limit);
    return { data: sorted, count: sorted.length };
  };

  const find = <T extends { id: string }>(records: T[], id: string, noun: string): T => {
    const record = records.find((candidate) => candidate.id === id);
    if (!record) throw new HttpError(404, `${noun} ${id} not found.`);
    return record;
  };

  /** The API proper: every documented endpoint, with the envelope. */
  const api = async (req: IncomingMessage, path: string, query: URLSearchParams): Promise<[number, unknown]> => {
    const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
    const [resource, id, ...rest] = segments;
    const method = req.method ?? 'GET';
    if (rest.length > 0) throw new HttpError(404, `No endpoint ${method} ${path}.`);

    if (method === 'GET' && resource === 'calls' && id === undefined) {
      const raw = query.get('limit');
      const limit = raw === null ? 50 : Number(raw);
      if (!Number.isInteger(limit) || limit < 1) throw new HttpError(400, 'limit must be a positive integer.');
      const { data: calls, count } = listOf(data.calls, 'timestamp', limit);
      return [200, { data: calls.map(({ transcript, ...call }) => call), count }];
    }
    if (method === 'GET' && resource === 'calls' && id !== undefined)
      return [200, { data: find(data.calls, id, 'Call') }];
    if (method === 'GET' && resource === 'leads' && id === undefined) return [200, listOf(data.leads, 'created_at')];
    if (method === 'GET' && resource === 'leads' && id !== undefined)
      return [200, { data: find(data.leads, id, 'Lead') }];
    if (method === 'GET' && resource === 'bookings' && id === undefined)
      return [200, listOf(data.bookings, 'created_at')];
    if (method === 'GET' && resource === 'bookings' && id !== undefined)
      return [200, { data: find(data.bookings, id, 'Booking') }];
    if (method === 'GET' && resource === 'stats' && id === undefined) return [200, { data: stats() }];
    if (method === 'POST' && resource === 'webhooks' && id === undefined)
      return [201, { data: subscribe(await readJson(req), req) }];
    if (method === 'DELETE' && resource === 'webhooks' && id !== undefined) {
      const webhook = find(webhooks, id, 'Webhook');
      webhooks = webhooks.filter((candidate) => candidate !== webhook);
      return [200, { data: { id: webhook.id, deleted: true } }];
    }
    throw new HttpError(404, `No endpoint ${method} ${path}.`);
  };

  const subscribe = (body: unknown, req: IncomingMessage): Webhook => {
    if (!isRecord(body)) throw new HttpError(400, 'Send { "url": …, "events": […] }.');
    const { url, events } = body;
    if (typeof url !== 'string' || !/^https?:\/\/\S+$/.test(url))
      throw new HttpError(400, 'url must be an http(s) URL.');
    if (!Array.isArray(events) || events.length === 0) throw new HttpError(400, 'events must be a non-empty list.');
    const unknown = events.filter((event) => !EVENTS.includes(event as WebhookEvent));
    if (unknown.length > 0) throw new HttpError(400, `Unknown event(s): ${unknown.map(String).join(', ')}.`);
    counter += 1;
    const key = String(req.headers['x-api-key']);
    const webhook: Webhook = {
      id: `whk_${(0x2fc81fd8a0 + counter).toString(16)}`,
      url,
      events: events as WebhookEvent[],
      created_at: iso(Date.now()),
      api_key_suffix: `****${key.slice(-4)}`,
    };
    webhooks.push(webhook);
    return webhook;
  };

  /** `POST /_sandbox/events`: what NeverMiss does when a call, lead or booking happens, then the deliveries. */
  const emit = async (body: unknown): Promise<{ event: WebhookEvent; record: unknown; deliveries: Delivery[] }> => {
    if (!isRecord(body) || !EVENTS.includes(body.event as WebhookEvent)) {
      throw new HttpError(400, `event must be one of ${EVENTS.join(', ')}.`);
    }
    const event = body.event as WebhookEvent;
    const overrides = isRecord(body.data) ? body.data : {};
    counter += 1;
    const now = Date.now();
    const index = data.calls.length + counter;
    let record: CallDetail | Lead | Booking;
    if (event === 'new_call' || event === 'missed_call') {
      const call = { ...callFor(index, now, event === 'missed_call'), ...overrides } as CallDetail;
      call.id = typeof overrides.id === 'string' ? overrides.id : `call_01HXSBX${String(9000 + counter)}`;
      data.calls.push(call);
      record = call;
    } else if (event === 'new_lead') {
      const lead = { ...leadFor(index % PEOPLE.length, now), ...overrides };
      lead.id = typeof overrides.id === 'string' ? overrides.id : `lead_01HXSBX${String(9000 + counter)}`;
      data.leads.push(lead);
      record = lead;
    } else if (event === 'new_booking') {
      const booking = { ...bookingFor(index % PEOPLE.length, now), ...overrides };
      booking.id = typeof overrides.id === 'string' ? overrides.id : `book_01HXSBX${String(9000 + counter)}`;
      data.bookings.push(booking);
      record = booking;
    } else {
      const target =
        typeof overrides.id === 'string'
          ? find(data.bookings, overrides.id, 'Booking')
          : newestFirst(data.bookings, 'created_at').find((booking) => booking.status === 'confirmed');
      if (!target) throw new HttpError(404, 'No confirmed booking to cancel.');
      Object.assign(target, overrides, { status: 'cancelled' });
      record = target;
    }
    answers.clear();
    const deliveries = await Promise.all(
      webhooks
        .filter((webhook) => webhook.events.includes(event))
        .map(async (webhook): Promise<Delivery> => {
          try {
            const response = await fetch(webhook.url, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ event, data: record }),
              signal: AbortSignal.timeout(5_000),
            });
            return { webhook_id: webhook.id, url: webhook.url, status: response.status };
          } catch (error) {
            return { webhook_id: webhook.id, url: webhook.url, error: (error as Error).message };
          }
        }),
    );
    return { event, record, deliveries };
  };

  const addFault = (body: unknown): Fault => {
    if (!isRecord(body)) throw new HttpError(400, 'Send { "status"?, "times", "retry_after"?, "delay_ms"?, "body"? }.');
    const fault: Fault = {
      times: typeof body.times === 'number' && body.times > 0 ? Math.floor(body.times) : 1,
      ...(typeof body.status === 'number' ? { status: body.status } : {}),
      ...(typeof body.retry_after === 'number' ? { retry_after: body.retry_after } : {}),
      ...(typeof body.delay_ms === 'number' ? { delay_ms: body.delay_ms } : {}),
      ...(FAULT_BODIES.includes(body.body as FaultBody) ? { body: body.body as FaultBody } : {}),
    };
    if (fault.status === undefined && fault.delay_ms === undefined && fault.body === undefined) {
      throw new HttpError(400, 'A fault needs a status, a delay_ms or a body.');
    }
    faults.push(fault);
    return fault;
  };

  /** The real answer, spoilt as a `no-envelope`, `wrong-type` or `nulls` fault asks. */
  const spoil = (body: unknown, how: FaultBody | undefined): unknown => {
    const data = isRecord(body) ? body.data : undefined;
    const nulled = (record: unknown) =>
      isRecord(record)
        ? Object.fromEntries(Object.keys(record).map((key) => [key, key === 'id' ? record.id : null]))
        : record;
    if (how === 'no-envelope') return data;
    if (how === 'wrong-type') return { data: Array.isArray(data) ? ((data as unknown[])[0] ?? {}) : [data] };
    if (how === 'nulls')
      return {
        ...(isRecord(body) ? body : {}),
        data: Array.isArray(data) ? (data as unknown[]).map(nulled) : nulled(data),
      };
    return body;
  };

  /** Takes the next queued fault: answers the request itself (true), or leaves it to `spoil` the real answer. */
  const applyFault = async (res: ServerResponse, fault: Fault | undefined): Promise<boolean> => {
    if (!fault) return false;
    fault.times -= 1;
    if (fault.times <= 0) faults.shift();
    if (fault.delay_ms) await new Promise((resolve) => setTimeout(resolve, fault.delay_ms));
    const answersItself =
      fault.body === 'html' || fault.body === 'malformed' || (fault.body === undefined && fault.status !== undefined);
    if (!answersItself) return false;
    const status = fault.status ?? 200;
    const headers: Record<string, string> =
      fault.retry_after === undefined ? {} : { 'Retry-After': String(fault.retry_after) };
    if (fault.body === 'html') {
      res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
      res.end(
        `<html><head><title>${String(status)}</title></head><body><h1>${String(status)} ${MESSAGES[status] ?? 'Error'}</h1></body></html>`,
      );
    } else if (fault.body === 'malformed') {
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
      res.end('{"data": [{"id": "call_01HXSBX0001", "caller_na');
    } else {
      sendError(res, status, MESSAGES[status] ?? `Error ${String(status)}.`, headers);
    }
    return true;
  };

  /** `POST /_sandbox/seed` `{ "leads": 100000 }`: replaces those records with that many generated ones. */
  const reseed = (body: unknown): Record<string, number> => {
    if (!isRecord(body)) throw new HttpError(400, 'Send { "calls"?: n, "leads"?: n, "bookings"?: n }.');
    const counts: Record<string, number> = {};
    for (const kind of ['calls', 'leads', 'bookings'] as const) {
      const count = body[kind];
      if (count === undefined) continue;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > 1_000_000) {
        throw new HttpError(400, `${kind} must be a whole number from 0 to 1,000,000.`);
      }
      counts[kind] = count;
    }
    answers.clear();
    if (counts.calls !== undefined) data.calls = generated.calls(counts.calls);
    if (counts.leads !== undefined) data.leads = generated.leads(counts.leads);
    if (counts.bookings !== undefined) data.bookings = generated.bookings(counts.bookings);
    return counts;
  };

  const control = async (req: IncomingMessage, path: string): Promise<[number, unknown]> => {
    if (req.method === 'POST' && path === '/_sandbox/events') return [201, { data: await emit(await readJson(req)) }];
    if (req.method === 'POST' && path === '/_sandbox/faults') return [201, { data: addFault(await readJson(req)) }];
    if (req.method === 'POST' && path === '/_sandbox/seed') return [201, { data: reseed(await readJson(req)) }];
    if (req.method === 'POST' && path === '/_sandbox/reset') {
      reset();
      answers.clear();
      return [200, { data: { reset: true } }];
    }
    if (req.method === 'GET' && path === '/_sandbox/webhooks') return [200, { data: webhooks, count: webhooks.length }];
    throw new HttpError(404, `No control endpoint ${String(req.method)} ${path}.`);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const path = url.pathname;
    if (path.startsWith('/_sandbox/')) {
      if (!isLoopback(req.socket.remoteAddress)) {
        sendError(res, 403, 'Control endpoints answer loopback only.');
        return;
      }
      const [status, body] = await control(req, path);
      send(res, status, body);
      return;
    }
    if (path !== API_PREFIX && !path.startsWith(`${API_PREFIX}/`)) {
      sendError(res, 404, `Not found: the API is under ${API_PREFIX}.`);
      return;
    }
    requests.push(`${String(req.method)} ${path}${url.search}`);
    log?.(`${String(req.method)} ${path}${url.search}`);
    const fault = faults[0];
    if (await applyFault(res, fault)) return;
    const key = req.headers['x-api-key'];
    if (key !== SANDBOX_API_KEY) {
      sendError(res, 401, key ? 'Invalid API key.' : 'Missing API key: send it in the x-api-key header.');
      return;
    }
    const [status, body] = await api(req, path.slice(API_PREFIX.length) || '/', url.searchParams);
    if (fault?.body !== undefined || req.method !== 'GET' || status !== 200) {
      send(res, status, spoil(body, fault?.body));
      return;
    }
    // A list of 100,000 records takes a while to serialise: benchmarks measure the client, not this.
    const answerKey = `${path}${url.search}`;
    const text = answers.get(answerKey) ?? JSON.stringify(body);
    answers.set(answerKey, text);
    send(res, status, text);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) sendError(res, error.status, error.message);
      else sendError(res, 500, `Sandbox error: ${(error as Error).message}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const actualPort = (server.address() as AddressInfo).port;
  const url = `http://${host}:${String(actualPort)}`;

  return {
    url,
    apiUrl: `${url}${API_PREFIX}`,
    port: actualPort,
    requestLog: () => [...requests],
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
};

/** POSTs to a control endpoint (`/_sandbox/events`, `/faults`, `/reset`) and returns its `data`. */
export const postControl = async (sandboxUrl: string, path: string, body: unknown): Promise<unknown> => {
  const response = await fetch(`${sandboxUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { data?: unknown; error?: { message: string } };
  if (!response.ok) throw new Error(`${path} answered ${String(response.status)}: ${String(json.error?.message)}`);
  return json.data;
};
