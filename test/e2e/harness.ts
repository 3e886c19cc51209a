// Real HTTP for end-to-end tests: the sandbox, a catch server standing in for Zapier's hook URLs.
import nock from 'nock';

import { startCatchServer, type CatchServer } from '../../tools/sandbox/catch-server';
import { postControl, startSandbox, type Sandbox } from '../../tools/sandbox/server';

/** Starts the sandbox on a free port, lets requests to loopback through nock, and points the app at it. */
export const useSandbox = () => {
  const context = {} as { sandbox: Sandbox; hooks: CatchServer };
  beforeAll(async () => {
    nock.enableNetConnect('127.0.0.1');
    context.sandbox = await startSandbox({ port: 0 });
    context.hooks = await startCatchServer();
  });
  beforeEach(async () => {
    process.env.NEVERMISS_API_URL = context.sandbox.apiUrl;
    await control('/_sandbox/reset', {});
  });
  afterAll(async () => {
    await context.hooks.close();
    await context.sandbox.close();
    nock.disableNetConnect();
  });

  const control = (path: string, body: unknown) => postControl(context.sandbox.url, path, body);

  return Object.assign(context, { control });
};
