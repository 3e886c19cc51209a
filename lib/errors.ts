import type { HttpResponse } from 'zapier-platform-core';

import { apiBaseUrl } from './config';
import { isPlainObject } from './guards';

const DASHBOARD_HINT = 'Copy the API key from your NeverMiss dashboard and reconnect your NeverMiss account in Zapier.';

/** The `message` of a documented error body `{ "error": { "status", "message" } }`, if the body is one. */
export const apiErrorMessage = (body: unknown): string | undefined => {
  const error = isPlainObject(body) ? body.error : undefined;
  const message = isPlainObject(error) ? error.message : undefined;
  return typeof message === 'string' && message.trim() ? message.trim() : undefined;
};

/** Replaces every occurrence of the secrets in `text`, so no message can echo the API key. */
export const redact = (text: string, secrets: readonly string[]): string =>
  secrets.filter((secret) => secret.length > 0).reduce((safe, secret) => safe.split(secret).join('[redacted]'), text);

export const authRejectedMessage = (apiMessage: string | undefined): string =>
  `NeverMiss rejected the API key${apiMessage ? ` (${apiMessage})` : ''}. ${DASHBOARD_HINT}`;

/** `text/html` of `text/html; charset=utf-8`, if the response says. */
const contentTypeOf = (response: HttpResponse): string | undefined =>
  response.getHeader('content-type')?.replace(/;.*$/, '') || undefined;

/** Ends `text` with a full stop unless it already ends a sentence. */
const sentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

/** Message for an error status other than 401 and 429, keeping the API's own message. */
export const statusErrorMessage = (response: HttpResponse): string => {
  const apiMessage = apiErrorMessage(response.data);
  const type = contentTypeOf(response);
  const detail = apiMessage ?? `NeverMiss sent ${type ?? 'a body'} instead of its JSON error`;
  return sentence(`NeverMiss API error ${response.status} on ${requestLabel(response)}: ${detail}`);
};

/** Message for a 2xx answer that is not the documented `{ "data": … }` JSON envelope. */
export const malformedBodyMessage = (response: HttpResponse): string => {
  const type = contentTypeOf(response);
  const what =
    response.data === undefined
      ? `a body that is not JSON${type ? ` (${type})` : ''}`
      : 'JSON without the "data" envelope';
  return `NeverMiss (${apiBaseUrl()}) answered ${response.status} on ${requestLabel(response)} with ${what}. This is usually temporary: try again in a few minutes.`;
};

/** `METHOD /path` of the request, below the API base URL and without the query string. */
const requestLabel = ({ request }: HttpResponse): string =>
  `${String(request.method)} ${String(request.url).replace(/\?.*$/, '').replace(apiBaseUrl(), '')}`;

/** Error codes carried by the Zapier errors this app throws (`z.errors.Error(message, code, status)`). */
export const errorCode = (status: number): string => {
  if (status === 400) return 'invalid_request';
  if (status === 404) return 'not_found';
  if (status >= 500) return 'server_error';
  return `http_${status}`;
};
