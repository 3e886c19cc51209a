// The Zap session `npm start` plays, step by step, on the app's source over real HTTP: no nock answers here.
import nock from 'nock';

import { runStep, startZapSession, zapSessionSteps, type ZapSession } from '../../tools/zap-session/session';

const context = {} as { session: ZapSession };

beforeAll(async () => {
  nock.enableNetConnect('127.0.0.1');
  // Core and the app load after the stash stand-in starts: core reads its address when it loads.
  context.session = await startZapSession(() => ({
    definition: jest.requireActual<{ default: object }>('../../index').default,
    createAppTester: jest.requireActual<typeof import('zapier-platform-core')>('zapier-platform-core').createAppTester,
  }));
});
beforeEach(() => {
  process.env.NEVERMISS_API_URL = context.session.sandbox.apiUrl;
});
afterAll(async () => {
  await context.session.close();
  delete process.env.ZAPIER_BASE_ENDPOINT;
  delete process.env.ZAPIER_DEPLOY_KEY;
  nock.disableNetConnect();
});

describe('the Zap session', () => {
  it.each(zapSessionSteps().map((step) => [step.name, step] as const))('%s', async (_name, step) => {
    await expect(runStep(context.session, step)).resolves.toEqual(expect.any(String));
  });
});
