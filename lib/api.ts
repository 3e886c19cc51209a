import type { HttpRequestOptions, ZObject } from 'zapier-platform-core';

import { apiBaseUrl, requestTimeoutMs } from './config';
import { isPlainObject } from './guards';
import type { ApiListEnvelope, ApiRecordEnvelope } from './models';

type ApiResponseData = ApiRecordEnvelope<unknown> | ApiListEnvelope<unknown>;

/** URL parsing resolves `.` and `..` even when encoded, and a blank segment changes the path: no id can be one. */
export const isSafePathSegment = (segment: string): boolean => segment !== '' && segment !== '.' && segment !== '..';

interface ApiRequest {
  method?: 'GET' | 'POST' | 'DELETE';
  path: string[];
  params?: Record<string, string | number>;
  body?: object;
  /** Read the body ourselves (see `readRawBody` in middleware.ts): for lists, which can be large. */
  raw?: boolean;
}

/** What went wrong, briefly: the system's error code, or the timeout; never the error's message. */
const failureOf = (error: Error, timeoutMs: number): string => {
  const { code, type } = error as Error & { code?: unknown; type?: unknown };
  if (type === 'request-timeout' || type === 'body-timeout') {
    return `no complete answer within ${String(timeoutMs / 1000)} s`;
  }
  return typeof code === 'string' && code !== '' ? code : error.name;
};

const isNetworkError = (error: unknown): error is Error =>
  error instanceof Error && (error.name === 'FetchError' || error.name === 'AbortError');

const UNREACHABLE = 'network_error';

/** The error `send` throws when NeverMiss could not be reached or did not answer in time. */
export const isUnreachable = (error: Error): boolean => {
  try {
    return (JSON.parse(error.message) as { code?: unknown }).code === UNREACHABLE;
  } catch {
    return false;
  }
};

/** Sends one request; the middleware has already mapped every error status and checked the envelope. */
const send = async (
  z: ZObject,
  request: ApiRequest,
  notFoundIsAnswer = false,
): Promise<{ status: number; data?: unknown }> => {
  const badSegment = request.path.find((segment) => !isSafePathSegment(segment));
  if (badSegment !== undefined) {
    throw new z.errors.Error(`"${badSegment}" is not a valid NeverMiss id.`, 'invalid_id');
  }
  // Read once: the error below names the server this request went to.
  const base = apiBaseUrl();
  const timeout = requestTimeoutMs();
  const options: HttpRequestOptions & { url: string; throwForThrottlingEarly: false } = {
    // Each segment URL-encoded, so an id can never name another endpoint.
    url: `${base}/${request.path.map(encodeURIComponent).join('/')}`,
    method: request.method ?? 'GET',
    // The key never leaves for another origin: the middleware refuses every 3xx instead.
    redirect: 'manual',
    // For the answer to start, and again for its body to finish: a stalled or cut-off answer fails in time.
    timeout,
    // A 429 reaches the middleware, which reads Retry-After as seconds or as a date.
    throwForThrottlingEarly: false,
    ...(request.params ? { params: request.params } : {}),
    ...(request.body ? { body: request.body } : {}),
    ...(notFoundIsAnswer ? { skipThrowForStatus: true } : {}),
    ...(request.raw ? { raw: true } : {}),
  };
  try {
    // The middleware has parsed a raw body into `data` as well.
    const response = (await z.request<ApiResponseData>(options)) as { status: number; data?: ApiResponseData };
    const body: unknown = response.data;
    return { status: response.status, data: response.status === 404 || !isPlainObject(body) ? undefined : body.data };
  } catch (error) {
    if (isNetworkError(error)) {
      throw new z.errors.Error(
        // The system's error code, not its message: a message can quote the request, headers and all.
        `Could not reach NeverMiss at ${base} (${failureOf(error, timeout)}). Try again in a few minutes.`,
        UNREACHABLE,
      );
    }
    throw error;
  }
};

const label = (request: ApiRequest): string => `${request.method ?? 'GET'} /${request.path.join('/')}`;

/** `GET` a list endpoint: the items of `data`, which must be an array. */
export const fetchList = async <T>(z: ZObject, request: ApiRequest): Promise<T[]> => {
  const { data, status } = await send(z, { ...request, raw: true });
  if (!Array.isArray(data)) {
    throw new z.errors.Error(
      `NeverMiss answered ${label(request)} without a list in "data".`,
      'malformed_response',
      status,
    );
  }
  z.console.log(`${label(request)}: ${String(data.length)} records`);
  return data as T[];
};

const asRecord = <T>(z: ZObject, request: ApiRequest, data: unknown, status: number): T => {
  if (!isPlainObject(data)) {
    throw new z.errors.Error(
      `NeverMiss answered ${label(request)} without a record in "data".`,
      'malformed_response',
      status,
    );
  }
  return data as T;
};

/** `GET` one record: `data` must be an object. */
export const fetchRecord = async <T>(z: ZObject, request: ApiRequest): Promise<T> => {
  const { data, status } = await send(z, request);
  return asRecord<T>(z, request, data, status);
};

/** Like `fetchRecord`, but a 404 is an answer: `undefined`. */
export const fetchOptionalRecord = async <T>(z: ZObject, request: ApiRequest): Promise<T | undefined> => {
  const { data, status } = await send(z, request, true);
  return status === 404 ? undefined : asRecord<T>(z, request, data, status);
};

/**
 * `DELETE` a record. Any 2xx is success, whatever its body (`204 No Content`, `{ "data": null }`), and
 * a 404 in NeverMiss's error envelope means it is already gone: both leave nothing to delete.
 */
export const deleteRecord = async (z: ZObject, request: Omit<ApiRequest, 'method'>): Promise<void> => {
  await send(z, { ...request, method: 'DELETE' }, true);
};
