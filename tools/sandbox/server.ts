// A stateful stand-in for the NeverMiss API on the loopback interface, for real-HTTP tests and demos:
// this file serves it; routes.ts answers, state.ts holds the records, faults.ts spoils answers.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { applyFault, spoil } from './faults';
import { HttpError, isLoopback, send, sendError } from './http';
import { apiRoute, controlRoute } from './routes';
import { SandboxState } from './state';

export const SANDBOX_API_KEY = 'nm_test_sandbox';
export const DEFAULT_SANDBOX_PORT = 4010;
const API_PREFIX = '/api/v1';

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

/** An API request: logged, then a queued fault, the key check, the route; GET answers are cached as text. */
const answerApi = async (state: SandboxState, req: IncomingMessage, res: ServerResponse, url: URL) => {
  const line = `${String(req.method)} ${url.pathname}${url.search}`;
  state.requests.push(line);
  const fault = state.faults[0];
  if (await applyFault(state.faults, res)) return;
  const key = req.headers['x-api-key'];
  if (key !== SANDBOX_API_KEY) {
    sendError(res, 401, key ? 'Invalid API key.' : 'Missing API key: send it in the x-api-key header.');
    return;
  }
  const [status, body] = await apiRoute(state, req, url.pathname.slice(API_PREFIX.length) || '/', url.searchParams);
  if (fault?.body !== undefined || req.method !== 'GET' || status !== 200) {
    send(res, status, spoil(body, fault?.body));
    return;
  }
  // A list of 100,000 records takes a while to serialise: benchmarks measure the client, not this.
  const answerKey = `${url.pathname}${url.search}`;
  const text = state.answers.get(answerKey) ?? JSON.stringify(body);
  state.answers.set(answerKey, text);
  send(res, status, text);
};

const handle = async (state: SandboxState, req: IncomingMessage, res: ServerResponse, log?: (line: string) => void) => {
  const url = new URL(req.url ?? '/', 'http://sandbox');
  const path = url.pathname;
  if (path.startsWith('/_sandbox/')) {
    if (!isLoopback(req.socket.remoteAddress)) {
      sendError(res, 403, 'Control endpoints answer loopback only.');
      return;
    }
    const [status, body] = await controlRoute(state, req, path);
    send(res, status, body);
    return;
  }
  if (path !== API_PREFIX && !path.startsWith(`${API_PREFIX}/`)) {
    sendError(res, 404, `Not found: the API is under ${API_PREFIX}.`);
    return;
  }
  log?.(`${String(req.method)} ${path}${url.search}`);
  await answerApi(state, req, res, url);
};

export const startSandbox = async ({
  port = DEFAULT_SANDBOX_PORT,
  host = '127.0.0.1',
  log,
}: SandboxOptions = {}): Promise<Sandbox> => {
  const state = new SandboxState();
  const server = createServer((req, res) => {
    handle(state, req, res, log).catch((error: unknown) => {
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
    requestLog: () => [...state.requests],
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

/** Sends to a control endpoint (POST `/_sandbox/events`, `/faults`, `/reset`; PATCH `/_sandbox/bookings/{id}`) and returns its `data`. */
export const postControl = async (
  sandboxUrl: string,
  path: string,
  body: unknown,
  method: 'POST' | 'PATCH' = 'POST',
): Promise<unknown> => {
  const response = await fetch(`${sandboxUrl}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { data?: unknown; error?: { message: string } };
  if (!response.ok) throw new Error(`${path} answered ${String(response.status)}: ${String(json.error?.message)}`);
  return json.data;
};
