import nock from 'nock';

// No test may reach a network: every request is answered by a nock scope or fails.
nock.disableNetConnect();

// Under the app tester z.console.log also prints; keep test output to the tests' own. A test that
// reads the logs gives this spy an implementation of its own, and puts the quiet one back after.
const quiet = () => undefined;
beforeAll(() => {
  jest.spyOn(console, 'log').mockImplementation(quiet);
});

afterEach(() => {
  nock.cleanAll();
  delete process.env.NEVERMISS_API_URL;
});

// Node's http module outlives a test file's module registry: unpatch it so the next file's nock is the only one.
afterAll(() => {
  nock.restore();
});
