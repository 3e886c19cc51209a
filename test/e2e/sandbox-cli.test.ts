// `npm run sandbox` as a person runs it: it says where it listens, answers, and stops on Ctrl-C.
import { spawn } from 'node:child_process';
import path from 'node:path';

import nock from 'nock';

import { SANDBOX_API_KEY } from '../../tools/sandbox/server';

const ROOT = path.resolve(__dirname, '..', '..');

beforeAll(() => {
  nock.enableNetConnect('127.0.0.1');
});
afterAll(() => {
  nock.disableNetConnect();
});

it('prints its base URL and key, serves the API, and stops cleanly on SIGINT', async () => {
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['tools/sandbox/cli.ts'], {
    cwd: ROOT,
    env: { ...process.env, NEVERMISS_SANDBOX_PORT: '0' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));

  const apiUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`no base URL printed: ${output}`));
    }, 15_000);
    child.stdout.on('data', () => {
      const match = /API base URL: (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  expect(output).toContain(`API key:      ${SANDBOX_API_KEY}`);

  const answer = await fetch(`${apiUrl}/stats`, { headers: { 'x-api-key': SANDBOX_API_KEY } });
  expect(answer.status).toBe(200);

  child.kill('SIGINT');
  await expect(exited).resolves.toBe(0);
  expect(output).toContain('NeverMiss sandbox stopped.');
}, 30_000);
