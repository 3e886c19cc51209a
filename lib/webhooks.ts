import type { Bundle, ZObject } from 'zapier-platform-core';

import { deleteRecord, fetchRecord } from './api';
import { hasId, withTextId, type PlainObject } from './guards';
import type { Webhook, WebhookDeletion, WebhookEvent, WebhookSubscription } from './models';

/** `POST /webhooks` for one event; Zapier stores the answer as `bundle.subscribeData`. */
export const subscribe = async (z: ZObject, bundle: Bundle, event: WebhookEvent): Promise<Webhook> => {
  const body: WebhookSubscription = { url: String(bundle.targetUrl), events: [event] };
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
  await deleteRecord(z, { path: ['webhooks', webhookId] });
  return { id: webhookId, deleted: true };
};
