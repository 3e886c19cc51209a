import nock from 'nock';

// No test may reach a network: every request is answered by a nock scope or fails.
nock.disableNetConnect();

afterEach(() => {
  nock.cleanAll();
  delete process.env.NEVERMISS_API_URL;
});

// Node's http module outlives a test file's module registry: unpatch it so the next file's nock is the only one.
afterAll(() => {
  nock.restore();
});
