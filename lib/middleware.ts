import type {
  AfterResponseMiddleware,
  BeforeRequestMiddleware,
  Bundle,
  HttpResponse,
  RawHttpResponse,
} from 'zapier-platform-core';

import {
  apiErrorMessage,
  authRejectedMessage,
  errorCode,
  malformedBodyMessage,
  redact,
  statusErrorMessage,
} from './errors';
import { isPlainObject } from './guards';

/** The API key as the user pasted it, without the whitespace that copying from a dashboard adds. */
export const apiKeyOf = (bundle: Pick<Bundle, 'authData'>): string => (bundle.authData.api_key ?? '').trim();

/** Both spellings of the key: neither may appear in a message. */
const secretsOf = (bundle: Pick<Bundle, 'authData'>): string[] => [bundle.authData.api_key ?? '', apiKeyOf(bundle)];

export const addApiHeaders: BeforeRequestMiddleware = (request, _z, bundle) => {
  const apiKey = apiKeyOf(bundle);
  request.headers = {
    ...request.headers,
    Accept: 'application/json',
    ...(apiKey ? { 'x-api-key': apiKey } : {}),
  };
  return request;
};

const hasDataEnvelope = (body: unknown): boolean => isPlainObject(body) && 'data' in body;

/**
 * Reads a raw response's body once and keeps it, parsed, as `data`, like a normal response's.
 * List requests are raw: a list can be tens of MB, and core would parse a normal response's body
 * twice and parse and scrub it again for its HTTP log (which gets a placeholder for a raw one).
 */
const readRawBody = async (response: HttpResponse): Promise<void> => {
  if (!response.request.raw) return;
  const text = await (response as unknown as RawHttpResponse).text();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  Object.defineProperty(response, 'data', { value: data, enumerable: true });
};

/**
 * The one place API answers become Zapier errors. Core has already turned a 429 into a
 * ThrottledError (honouring Retry-After) before this runs. A request that sets
 * `skipThrowForStatus` takes a 404 as an answer; every other failure is still mapped here.
 */
export const handleApiResponse: AfterResponseMiddleware = async (response, z, bundle) => {
  await readRawBody(response);
  const { status } = response;
  const safe = (message: string) => redact(message, secretsOf(bundle));
  if (status === 404 && response.skipThrowForStatus) {
    return response;
  }
  if (status === 401) {
    throw new z.errors.ExpiredAuthError(safe(authRejectedMessage(apiErrorMessage(response.data))));
  }
  if (status >= 400) {
    throw new z.errors.Error(safe(statusErrorMessage(response)), errorCode(status), status);
  }
  if (!hasDataEnvelope(response.data)) {
    throw new z.errors.Error(safe(malformedBodyMessage(response)), 'malformed_response', status);
  }
  return response;
};
