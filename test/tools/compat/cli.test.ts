// `npm run compat` as a maintainer meets it: on a copy of the project whose source breaks a Zap, it
// fails and names the break; with the major version raised it passes; `--record` writes the surface.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const run = promisify(execFile);

/** What the guard reads of a project: its app source, package.json, the tool and the recorded surface. */
const COPIED = [
  'index.ts',
  'authentication.ts',
  'lib',
  'triggers',
  'searches',
  'creates',
  'package.json',
  'tsconfig.json',
];

let copy: string;
beforeEach(() => {
  copy = mkdtempSync(path.join(tmpdir(), 'nevermiss-compat-'));
  for (const name of [...COPIED, 'tools/compat', 'compat']) {
    cpSync(path.join(ROOT, name), path.join(copy, name), { recursive: true });
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
});
afterEach(() => {
  rmSync(copy, { recursive: true, force: true });
});

const edit = (file: string, change: (text: string) => string) => {
  const where = path.join(copy, file);
  const before = readFileSync(where, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(where, after);
};

const compat = async (...args: string[]): Promise<{ code: number; output: string }> => {
  try {
    const { stdout, stderr } = await run(
      path.join(copy, 'node_modules', '.bin', 'tsx'),
      ['tools/compat/cli.ts', ...args],
      {
        cwd: copy,
      },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, output: stdout + stderr };
  }
};

const setVersion = (version: string) => {
  edit('package.json', (text) => text.replace(/"version": "[^"]+"/, `"version": "${version}"`));
};

it('fails on a trigger removed from the source, naming it, and passes it under a major version', async () => {
  setVersion('1.9.0');
  edit('triggers/index.ts', (text) => text.replace(/^\s*missed_call: missedCall,\n/m, ''));
  const broken = await compat();
  expect(broken.code).toBe(1);
  expect(broken.output).toContain('✗ trigger/missed_call: removed or renamed');
  expect(broken.output).toContain('compat: FAILS.');

  setVersion('2.0.0');
  const major = await compat();
  expect(major.code).toBe(0);
  expect(major.output).toContain('✗ trigger/missed_call: removed or renamed');
  expect(major.output).toContain('compat: breaking changes are allowed: the major version goes from 1 to 2.');
}, 60_000);

it('--record writes the current surface, which then passes unchanged', async () => {
  setVersion('7.0.0');
  const recorded = await compat('--record');
  expect(recorded).toEqual({
    code: 0,
    output: 'Recorded the public surface of 7.0.0 in compat/released-surface.json.\n',
  });
  expect(JSON.parse(readFileSync(path.join(copy, 'compat', 'released-surface.json'), 'utf8'))).toMatchObject({
    version: '7.0.0',
  });
  const again = await compat();
  expect(again.code).toBe(0);
  expect(again.output).toContain('no change');
}, 60_000);
