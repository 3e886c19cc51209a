// Webhooks: subscribing a Zap to an event (`POST`/`DELETE /webhooks`) and reading what NeverMiss delivers.
import type { Bundle, ZObject } from 'zapier-platform-core';

import { hasId, isPlainObject, withTextId, type Identified, type PlainObject } from './guards';
import { deleteRecord, fetchRecord, isSafePathSegment, type ApiSchemas } from './http/api';

export type WebhookEvent = ApiSchemas['WebhookEvent'];
export type Webhook = ApiSchemas['Webhook'];
export type WebhookDeletion = ApiSchemas['WebhookDeletion'];

/** `POST /webhooks` for one event; Zapier stores the answer as `bundle.subscribeData`. */
export const subscribe = async (z: ZObject, bundle: Bundle, event: WebhookEvent): Promise<Webhook> => {
  const body: ApiSchemas['WebhookCreate'] = { url: String(bundle.targetUrl), events: [event] };
  // Typed loosely on purpose: the id is checked here, not trusted.
  const webhook = await fetchRecord<PlainObject>(z, { method: 'POST', path: ['webhooks'], body });
  if (!hasId(webhook)) {
    throw new z.errors.Error(
      'NeverMiss accepted the webhook but did not return its id, so Zapier could not remove it later. Turn the Zap off and on again; if this persists, contact NeverMiss support.',
      'missing_webhook_id',
    );
  }
  return withTextId(webhook) as Webhook;
};

/**
 * `DELETE /webhooks/{id}`. Any 2xx, and a 404 in NeverMiss's error envelope (already gone), is
 * success: a user can always turn a Zap off. A 404 in any other shape (a proxy, a wrong base URL) is
 * an error, since the webhook may still be posting.
 */
export const unsubscribe = async (z: ZObject, bundle: Bundle): Promise<WebhookDeletion> => {
  const id: unknown = bundle.subscribeData?.id;
  if (!hasId({ id })) {
    throw new z.errors.Error(
      'Zapier has no NeverMiss webhook id stored for this Zap, so there is no webhook to remove. Remove it in the NeverMiss dashboard if it still sends events.',
      'missing_webhook_id',
    );
  }
  const webhookId = String(id);
  if (!isSafePathSegment(webhookId)) {
    throw new z.errors.Error(
      'The NeverMiss webhook id Zapier stored for this Zap cannot be sent to NeverMiss, so the webhook cannot be removed from here. Remove it in the NeverMiss dashboard if it still sends events.',
      'missing_webhook_id',
    );
  }
  await deleteRecord(z, { path: ['webhooks', webhookId] });
  return { id: webhookId, deleted: true };
};

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
