import nock from 'nock';
import { createAppTester } from 'zapier-platform-core';

import app from '../index';

export const API = 'https://nevermisshq.com';
export const API_PATH = '/api/v1';
export const API_KEY = 'nm_live_test_9f2c1e5f';

export const appTester = createAppTester(app);

/** A bundle as Zapier passes it once the account is connected. */
export const authBundle = <T extends object>(extra: T = {} as T) => ({
  authData: { api_key: API_KEY },
  ...extra,
});

/** A nock scope on the API that insists on the key and the JSON Accept header. */
export const api = () => nock(API, { reqheaders: { 'x-api-key': API_KEY, accept: 'application/json' } });

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
