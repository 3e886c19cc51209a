// The sandbox's endpoints: the API proper (every documented endpoint, with the envelope) and the
// loopback-only control endpoints under /_sandbox/.
import type { IncomingMessage } from 'node:http';

import type { Webhook, WebhookEvent } from '../../lib/webhooks';
import { parseFault } from './faults';
import { HttpError, isRecord, readJson } from './http';
import { EVENTS, findById, iso, newestFirst, type SandboxState } from './state';

export interface Delivery {
  webhook_id: string;
  url: string;
  status?: number;
  error?: string;
}

/** A status and the body to answer with. */
type Answer = [number, unknown];

const listOf = <T extends { id: string }>(records: T[], field: keyof T, limit?: number) => {
  const sorted = newestFirst(records, field).slice(0, limit);
  return { data: sorted, count: sorted.length };
};

const listCalls = (state: SandboxState, query: URLSearchParams): Answer => {
  const raw = query.get('limit');
  const limit = raw === null ? 50 : Number(raw);
  if (!Number.isInteger(limit) || limit < 1) throw new HttpError(400, 'limit must be a positive integer.');
  const { data: calls, count } = listOf(state.data.calls, 'timestamp', limit);
  return [200, { data: calls.map(({ transcript, ...call }) => call), count }];
};

const subscribe = (state: SandboxState, body: unknown, apiKey: string): Webhook => {
  if (!isRecord(body)) throw new HttpError(400, 'Send { "url": …, "events": […] }.');
  const { url, events } = body;
  if (typeof url !== 'string' || !/^https?:\/\/\S+$/.test(url)) throw new HttpError(400, 'url must be an http(s) URL.');
  if (!Array.isArray(events) || events.length === 0) throw new HttpError(400, 'events must be a non-empty list.');
  const unknown = events.filter((event) => !EVENTS.includes(event as WebhookEvent));
  if (unknown.length > 0) throw new HttpError(400, `Unknown event(s): ${unknown.map(String).join(', ')}.`);
  const webhook: Webhook = {
    id: `whk_${(0x2fc81fd8a0 + state.nextNumber()).toString(16)}`,
    url,
    events: events as WebhookEvent[],
    created_at: iso(Date.now()),
    api_key_suffix: `****${apiKey.slice(-4)}`,
  };
  state.webhooks.push(webhook);
  return webhook;
};

const unsubscribe = (state: SandboxState, id: string): Answer => {
  const webhook = findById(state.webhooks, id, 'Webhook');
  state.webhooks = state.webhooks.filter((candidate) => candidate !== webhook);
  return [200, { data: { id: webhook.id, deleted: true } }];
};

/** The API under /api/v1: `path` is what follows it. */
export const apiRoute = async (
  state: SandboxState,
  req: IncomingMessage,
  path: string,
  query: URLSearchParams,
): Promise<Answer> => {
  const [resource, id, ...rest] = path.split('/').filter(Boolean).map(decodeURIComponent);
  const route = `${req.method ?? 'GET'} ${String(resource)}${id === undefined ? '' : '/:id'}`;
  if (rest.length > 0) throw new HttpError(404, `No endpoint ${String(req.method)} ${path}.`);
  const { calls, leads, bookings } = state.data;
  switch (route) {
    case 'GET calls':
      return listCalls(state, query);
    case 'GET calls/:id':
      return [200, { data: findById(calls, String(id), 'Call') }];
    case 'GET leads':
      return [200, listOf(leads, 'created_at')];
    case 'GET leads/:id':
      return [200, { data: findById(leads, String(id), 'Lead') }];
    case 'GET bookings':
      return [200, listOf(bookings, 'created_at')];
    case 'GET bookings/:id':
      return [200, { data: findById(bookings, String(id), 'Booking') }];
    case 'GET stats':
      return [200, { data: state.stats() }];
    case 'POST webhooks':
      return [201, { data: subscribe(state, await readJson(req), String(req.headers['x-api-key'])) }];
    case 'DELETE webhooks/:id':
      return unsubscribe(state, String(id));
    default:
      throw new HttpError(404, `No endpoint ${String(req.method)} ${path}.`);
  }
};

const deliver = async (webhook: Webhook, body: unknown): Promise<Delivery> => {
  try {
    const response = await fetch(webhook.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5_000),
    });
    return { webhook_id: webhook.id, url: webhook.url, status: response.status };
  } catch (error) {
    return { webhook_id: webhook.id, url: webhook.url, error: (error as Error).message };
  }
};

/** `POST /_sandbox/events`: what NeverMiss does when a call, lead or booking happens, then the deliveries. */
const emit = async (state: SandboxState, body: unknown) => {
  if (!isRecord(body) || !EVENTS.includes(body.event as WebhookEvent)) {
    throw new HttpError(400, `event must be one of ${EVENTS.join(', ')}.`);
  }
  const event = body.event as WebhookEvent;
  const record = state.recordEvent(event, isRecord(body.data) ? body.data : {});
  const subscribed = state.webhooks.filter((webhook) => webhook.events.includes(event));
  const deliveries = await Promise.all(subscribed.map((webhook) => deliver(webhook, { event, data: record })));
  return { event, record, deliveries };
};

/** The control endpoints, loopback only, no key. */
export const controlRoute = async (state: SandboxState, req: IncomingMessage, path: string): Promise<Answer> => {
  const booking = /^\/_sandbox\/bookings\/([^/]+)$/.exec(path)?.[1];
  if (req.method === 'PATCH' && booking !== undefined) {
    return [200, { data: state.updateBooking(decodeURIComponent(booking), await readJson(req)) }];
  }
  switch (`${String(req.method)} ${path}`) {
    case 'POST /_sandbox/events':
      return [201, { data: await emit(state, await readJson(req)) }];
    case 'POST /_sandbox/faults': {
      const fault = parseFault(await readJson(req));
      state.faults.push(fault);
      return [201, { data: fault }];
    }
    case 'POST /_sandbox/seed':
      return [201, { data: state.reseed(await readJson(req)) }];
    case 'POST /_sandbox/reset':
      state.reset();
      return [200, { data: { reset: true } }];
    case 'GET /_sandbox/webhooks':
      return [200, { data: state.webhooks, count: state.webhooks.length }];
    default:
      throw new HttpError(404, `No control endpoint ${String(req.method)} ${path}.`);
  }
};
