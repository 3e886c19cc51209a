// The changelog check, with the pinned Zapier CLI's own parser: the project's CHANGELOG.md passes, and
// each way promote would find no changelog, or the wrong one, fails with its reason.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import app from '../../index';
import packageJson from '../../package.json';
import { changelogProblems, cliChangelogReader, type ReadChangelog } from '../../tools/changelog/check';

const ROOT = path.resolve(__dirname, '..', '..');
const KEYS = {
  trigger: Object.keys(app.triggers),
  search: Object.keys(app.searches),
  create: Object.keys(app.creates),
};

let read: ReadChangelog;
let folder: string;
beforeAll(async () => {
  read = await cliChangelogReader();
}, 60_000);
beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'nevermiss-changelog-'));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

const problemsOf = (markdown: string | undefined, version = '1.1.0') => {
  if (markdown !== undefined) writeFileSync(path.join(folder, 'CHANGELOG.md'), markdown);
  return changelogProblems(folder, version, KEYS, read);
};

it('the project’s changelog has a non-empty entry for package.json’s version, as promote reads it', async () => {
  await expect(changelogProblems(ROOT, packageJson.version, KEYS, read)).resolves.toEqual([]);
  const { changelog, appMetadata } = await read(packageJson.version, ROOT);
  expect(changelog).not.toBe('');
  expect(appMetadata?.length).toBeGreaterThan(0);
});

it('reads change lines into Zapier’s metadata', async () => {
  writeFileSync(
    path.join(folder, 'CHANGELOG.md'),
    '# Changelog\n\n## 1.1.0\n\n- Add trigger/new_lead: a field.\n- Fix search/find_booking order.\n\n## 1.0.0\n\n- First.\n',
  );
  await expect(read('1.1.0', folder)).resolves.toEqual({
    changelog: '- Add trigger/new_lead: a field.\n- Fix search/find_booking order.',
    appMetadata: [
      { app_change_type: 'FEATURE_UPDATE', action_key: 'new_lead', action_type: 'read' },
      { app_change_type: 'BUGFIX', action_key: 'find_booking', action_type: 'search' },
    ],
    issueMetadata: undefined,
  });
});

it.each<[string, string | undefined, string[], string?]>([
  [
    'no CHANGELOG.md',
    undefined,
    ['there is no CHANGELOG.md: `zapier-platform promote` refuses a version without one.'],
  ],
  [
    'no entry for the version',
    '# Changelog\n\n## 1.0.0\n\n- First.\n',
    ['no entry for 1.1.0, the version in package.json.'],
  ],
  ['an empty entry', '## 1.1.0\n\n## 1.0.0\n\n- First.\n', ['the entry for 1.1.0 is empty.']],
  ['an empty older entry', '## 1.1.0\n\n- Fix it.\n\n## 1.0.0\n\n', ['the entry for 1.0.0 is empty.']],
  [
    'a version given twice',
    '## 1.1.0\n\n- One.\n\n## 1.1.0\n\n- Two.\n',
    ['version 1.1.0 has two headings: the CLI reads the first alone.'],
  ],
  [
    'a heading the CLI takes for another version',
    '## 11.1.0\n\n- Later.\n\n## 1.1.0\n\n- This one.\n',
    ['promote would read the entry under the heading of 11.1.0 for 1.1.0: put 1.1.0 first.'],
  ],
  [
    'a change line naming no operation of the app',
    '## 1.1.0\n\n- Fix search/find_bookng order.\n',
    ['the entry for 1.1.0 names search/find_bookng, which the app does not have.'],
  ],
  [
    'an older heading of a lower level, which the CLI would read as part of the entry above it',
    '## 1.1.0\n\n- Fix it.\n\n### 1.0.0\n\n- Add trigger/new_call.\n',
    [
      'the version headings are of different levels: the CLI reads a lower one as part of the entry above it; give every version the same level (## 1.1.0).',
    ],
  ],
  [
    'an empty older entry behind a longer version’s heading (the CLI’s loose match would read 11.1.0’s)',
    '## 11.1.0\n\n- Later.\n\n## 1.1.0\n\n## 1.0.0\n\n- First.\n',
    ['the entry for 1.1.0 is empty.'],
    '11.1.0',
  ],
])('fails on %s', async (_case, markdown, expected, version = '1.1.0') => {
  await expect(problemsOf(markdown, version)).resolves.toEqual(expected);
});

it('passes a major version’s history that names an operation the app no longer has', async () => {
  const history = '## 2.0.0\n\n- Removed a trigger.\n\n## 1.0.0\n\n- Add trigger/lead_updated.\n';
  await expect(problemsOf(history, '2.0.0')).resolves.toEqual([]);
});

it('passes headings of one level below the title, with CRLF line ends', async () => {
  await expect(
    problemsOf('# Changelog\r\n\r\n### 1.1.0\r\n\r\n- Fix it.\r\n\r\n### 1.0.0\r\n\r\n- First.\r\n'),
  ).resolves.toEqual([]);
});
