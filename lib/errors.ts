import type { HttpResponse } from 'zapier-platform-core';

import { apiBaseUrl } from './config';
import { isPlainObject } from './guards';

const DASHBOARD_HINT =
  'Copy the API key from the NeverMiss dashboard (Settings → API Keys) and reconnect your NeverMiss account in Zapier.';

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

const describeBody = (response: HttpResponse): string => {
  const contentType = response.getHeader('content-type');
  return contentType ? `a ${contentType.replace(/;.*$/, '')} body` : 'a body that is not JSON';
};

/** Ends `text` with a full stop unless it already ends a sentence. */
const sentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

/** Message for an error status other than 401 and 429, keeping the API's own message. */
export const statusErrorMessage = (response: HttpResponse): string => {
  const apiMessage = apiErrorMessage(response.data);
  const detail = apiMessage ?? `NeverMiss sent ${describeBody(response)} instead of its JSON error`;
  return sentence(`NeverMiss API error ${response.status} on ${requestLabel(response)}: ${detail}`);
};

/** Message for a 2xx answer that is not the documented `{ "data": … }` JSON envelope. */
export const malformedBodyMessage = (response: HttpResponse): string => {
  const what = response.data === undefined ? describeBody(response) : 'JSON without the "data" envelope';
  return `NeverMiss answered ${response.status} on ${requestLabel(response)} with ${what}. Check that NEVERMISS_API_URL (now ${apiBaseUrl()}) points at the NeverMiss API, or try again later.`;
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
