import nock from 'nock';

// No test may reach a network: every request is answered by a nock scope or fails.
nock.disableNetConnect();

// Under the app tester z.console.log also prints: keep test output to the tests' own. A plain
// function, not a jest spy, which would keep every logged body in memory. `captureLogs` (helpers)
// lets a test read the lines.
const print = console.log;
beforeAll(() => {
  console.log = () => undefined;
});
afterAll(() => {
  console.log = print;
});

afterEach(() => {
  nock.cleanAll();
  delete process.env.NEVERMISS_API_URL;
});

// Node's http module outlives a test file's module registry: unpatch it so the next file's nock is the only one.
afterAll(() => {
  nock.restore();
});
