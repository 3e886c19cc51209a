import { hasId, isPlainObject, withTextId, type Identified, type PlainObject } from './guards';
import type { WebhookEvent } from './models';

/** Deeper than any documented shape; bounds the walk over a hostile body. */
const MAX_DEPTH = 4;

/** The event a body names: `event`, or `type` when it wraps `data` (`{ "type": "new_lead", "data": … }`). */
const eventNamed = (node: PlainObject): string | undefined => {
  if (typeof node.event === 'string') return node.event;
  return 'data' in node && typeof node.type === 'string' ? node.type : undefined;
};

const walk = (node: unknown, event: WebhookEvent, depth: number): Identified[] => {
  if (depth > MAX_DEPTH) return [];
  if (Array.isArray(node)) return (node as unknown[]).flatMap((item) => walk(item, event, depth + 1));
  if (!isPlainObject(node)) return [];
  const named = eventNamed(node);
  if (named !== undefined && named !== event) return [];
  // An envelope, even one with an id of its own (`{ "id": "evt_…", "event", "data" }`), holds the record in `data`.
  if ('data' in node && (named !== undefined || !hasId(node))) return walk(node.data, event, depth + 1);
  return hasId(node) ? [withTextId(node)] : [];
};

/**
 * The records in a webhook body. NeverMiss does not publish its delivery format, so every shape
 * the project assumes is accepted alike: the record itself, `{ "data": record }`,
 * `{ "event" | "type": event, "data": record }` (with or without an `id` of the event's own) and
 * arrays of any of these. Bodies for another
 * event, empty bodies and anything without an `id` yield no records.
 */
export const recordsFromDelivery = (body: unknown, event: WebhookEvent): Identified[] => walk(body, event, 0);
