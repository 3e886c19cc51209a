// The sandbox's HTTP plumbing: JSON answers, the API's error envelope, request bodies.
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { ApiSchemas } from '../../lib/http/api';

/** Thrown by a route: answered as the API's error envelope with this status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The API's message for a status, as its error envelope gives it. */
export const MESSAGES: Record<number, string> = {
  400: 'Invalid request parameters.',
  401: 'Invalid API key.',
  404: 'Not found.',
  429: 'Too many requests. Slow down.',
  500: 'Internal server error.',
  502: 'Bad gateway.',
  503: 'Service unavailable.',
};

export const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
};

export const sendError = (
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
) => {
  send(res, status, { error: { status, message } } satisfies ApiSchemas['Error'], headers);
};

export const readJson = async (req: IncomingMessage): Promise<unknown> => {
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

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isLoopback = (address: string | undefined) =>
  address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
