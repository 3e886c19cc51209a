// CHANGELOG.md as `zapier-platform promote` reads it: the pinned CLI's own parser
// (zapier-platform-cli's src/utils/changelog.js, loaded from npx's cache), and what would go wrong there.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { loadCliModule } from '../zapier-cli';

/** What the CLI's `getVersionChangelog(version, appDir)` answers: the entry and the change metadata of its lines. */
export interface VersionChangelog {
  changelog: string;
  appMetadata?: { app_change_type: string; action_key: string; action_type: 'read' | 'write' | 'search' }[];
  issueMetadata?: { app_change_type: string; issue_id: number }[];
}
export type ReadChangelog = (version: string, appDir: string) => Promise<VersionChangelog>;

/** The CLI's parser: `promote` reads a version's changelog with this very function. */
export const cliChangelogReader = async (): Promise<ReadChangelog> =>
  (await loadCliModule<{ getVersionChangelog: ReadChangelog }>('src/utils/changelog.js')).getVersionChangelog;

/** `## 1.1.0`, `### 1.0.0 (2026-04-20)`: headings naming a version (major.minor.patch), in the file's order. */
const versionHeadings = (markdown: string): string[] =>
  markdown.split(/\r\n|\r|\n/).flatMap((line) => /^#{1,4} .*?\b(\d+\.\d+\.\d+)\b/.exec(line)?.[1] ?? []);

/** The action types of the CLI's metadata (`trigger/<key>` is read, `create/<key>` write, `search/<key>` search). */
export const KIND_OF_ACTION_TYPE = { read: 'trigger', write: 'create', search: 'search' } as const;

/**
 * The version whose heading the CLI takes for `version`: its first line matching `^#{1,4} .*<version>`
 * (changelog.js), which is loose: `## 11.0.0` comes before `## 1.0.0` for 1.0.0.
 */
const headingTakenFor = (markdown: string, version: string): string | undefined => {
  const pattern = new RegExp(`^#{1,4} .*${version.split('.').join('\\.')}`);
  const line = markdown.split(/\r\n|\r|\n/).find((candidate) => pattern.test(candidate));
  return line === undefined ? undefined : versionHeadings(line)[0];
};

/**
 * Why `promote` would find no changelog, or a wrong one: no entry for the version being released, an
 * empty entry for any version, a version heading given twice (the CLI takes the first match), a line's
 * `trigger/<key>` that names no operation of the app.
 */
export const changelogProblems = async (
  appDir: string,
  version: string,
  operationKeys: Record<'trigger' | 'search' | 'create', string[]>,
  read: ReadChangelog,
): Promise<string[]> => {
  let markdown: string;
  try {
    markdown = readFileSync(path.join(appDir, 'CHANGELOG.md'), 'utf8');
  } catch {
    return ['there is no CHANGELOG.md: `zapier-platform promote` refuses a version without one.'];
  }
  const headings = versionHeadings(markdown);
  const problems = headings
    .filter((heading, index) => headings.indexOf(heading) !== index)
    .map((heading) => `version ${heading} has two headings: the CLI reads the first alone.`);
  if (!headings.includes(version)) problems.push(`no entry for ${version}, the version in package.json.`);
  const taken = headingTakenFor(markdown, version);
  if (headings.includes(version) && taken !== version) {
    problems.push(
      `promote would read the entry under the heading of ${String(taken)} for ${version}: put ${version} first.`,
    );
  }
  for (const heading of new Set(headings)) {
    const { changelog, appMetadata = [] } = await read(heading, appDir);
    if (changelog === '') problems.push(`the entry for ${heading} is empty.`);
    for (const { action_key, action_type } of appMetadata) {
      const kind = KIND_OF_ACTION_TYPE[action_type];
      if (!operationKeys[kind].includes(action_key)) {
        problems.push(`the entry for ${heading} names ${kind}/${action_key}, which the app does not have.`);
      }
    }
  }
  return problems;
};
