import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// The same check `npm run lint` runs, so `npm test` also fails on types older than the contract.
const run = promisify(execFile);
const root = join(__dirname, '..');
const check = join(root, 'tools', 'check-generated-types.mjs');
const generated = join(root, 'lib', 'http', 'nevermiss-api.generated.ts');
// Generating loads TypeScript and Prettier in a fresh process: seconds on a busy machine.
const timeout = 60_000;

describe('lib/http/nevermiss-api.generated.ts', () => {
  it(
    'is exactly what `npm run types` writes from openapi/nevermiss.yaml',
    async () => {
      const { stdout } = await run(process.execPath, [check], { cwd: root });
      expect(stdout).toBe('lib/http/nevermiss-api.generated.ts: up to date with openapi/nevermiss.yaml\n');
    },
    timeout,
  );

  it(
    'is reported stale when it lacks one property of the contract',
    async () => {
      const current = await readFile(generated, 'utf8');
      const stale = current.replace(/^ {6}caller_name: string;\n/m, '');
      expect(stale).not.toBe(current);
      const dir = await mkdtemp(join(tmpdir(), 'generated-types-'));
      try {
        const copy = join(dir, 'nevermiss-api.generated.ts');
        await writeFile(copy, stale);
        await expect(run(process.execPath, [check, copy], { cwd: dir })).rejects.toMatchObject({
          code: 1,
          stderr: 'nevermiss-api.generated.ts is stale: run npm run types\n',
        });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    timeout,
  );
});
