import nock from 'nock';
import { createAppTester } from 'zapier-platform-core';

import app from '../index';
import { responseErrors } from './contract';

export const API = 'https://nevermisshq.com';
export const API_PATH = '/api/v1';
export const API_KEY = 'nm_live_test_9f2c1e5f';

export const appTester = createAppTester(app);

/** A bundle as Zapier passes it once the account is connected. */
export const authBundle = <T extends object>(extra: T = {} as T) => ({
  authData: { api_key: API_KEY },
  ...extra,
});

const contractViolations: string[] = [];

/** The contract violations recorded since the last call, cleared. */
export const takeContractViolations = (): string[] => contractViolations.splice(0);

// Every answer an `api()` scope gives must be one the contract documents, so fixtures cannot drift.
afterEach(() => {
  expect(takeContractViolations()).toEqual([]);
});

const parsed = (body: unknown): unknown => {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
};

/**
 * A nock scope on the API that insists on the key and the JSON Accept header. Its answers are
 * checked against openapi/nevermiss.yaml, unless `offContract` says why a test breaks the contract
 * on purpose (a fault, a malformed body).
 */
export const api = ({ offContract }: { offContract?: string } = {}) => {
  const scope = nock(API, { reqheaders: { 'x-api-key': API_KEY, accept: 'application/json' } });
  if (offContract === undefined) {
    scope.on('replied', (req: { method: string; path: string }, interceptor: { statusCode: number; body: unknown }) => {
      const path = req.path.replace(API_PATH, '');
      contractViolations.push(
        ...responseErrors(req.method, path, interceptor.statusCode, parsed(interceptor.body)).map(
          (violation) => `${req.method} ${path} → ${String(interceptor.statusCode)}: ${violation}`,
        ),
      );
    });
  }
  return scope;
};

/** An error body in the documented shape. */
export const apiError = (status: number, message: string) => ({ error: { status, message } });

/** What a Zapier user sees of an error: core JSON-encodes AppError and ThrottledError messages. */
export interface Failure {
  name: string;
  message: string;
  code?: string;
  status?: number;
  delay?: number | null;
  error: unknown;
}

export const failureOf = async (promise: Promise<unknown>): Promise<Failure> => {
  try {
    await promise;
  } catch (error) {
    const { name } = error as Error;
    // The app tester appends a "What happened" trace to errors it did not have to pass through verbatim.
    const message = (error as Error).message.replace(/\nWhat happened:[\s\S]*$/, '');
    try {
      const decoded = JSON.parse(message) as Omit<Failure, 'name' | 'error'>;
      return { name, ...decoded, error };
    } catch {
      return { name, message, error };
    }
  }
  throw new Error('expected a failure, got a result');
};

/** Hands every console line to `onLine` until the returned function is called. */
export const captureLogs = (onLine: (line: string) => void): (() => void) => {
  const previous = console.log;
  console.log = (...args: unknown[]) => {
    onLine(args.map(String).join(' '));
  };
  return () => {
    console.log = previous;
  };
};
