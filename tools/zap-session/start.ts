// `npm start`: the Zap session against the sandbox, through the built app (`prestart` builds it).
import { createRequire } from 'node:module';

import { loadBuiltApp } from '../built-app';
import { runStep, startZapSession, zapSessionSteps } from './session';

// z.console.log echoes to the console under the app tester; the session prints one line per step of its own.
const print = console.log.bind(console);
console.log = () => undefined;

const main = async (): Promise<number> => {
  const session = await startZapSession(() => ({
    definition: loadBuiltApp(),
    createAppTester: (createRequire(__filename)('zapier-platform-core') as typeof import('zapier-platform-core'))
      .createAppTester,
  }));
  const steps = zapSessionSteps();
  let failed = 0;
  try {
    print(`NeverMiss Zap session: the built app against the sandbox at ${session.sandbox.apiUrl}\n`);
    for (const step of steps) {
      try {
        print(`  ✓ ${step.name.padEnd(40)} ${await runStep(session, step)}`);
      } catch (error) {
        failed += 1;
        print(`  ✗ ${step.name.padEnd(40)} ${(error as Error).message.split('\n')[0] ?? ''}`);
      }
    }
  } finally {
    await session.close();
  }
  print(
    `\nSummary: the operations above made ${String(session.sandbox.requestLog().length)} requests to the sandbox API.`,
  );
  print(`${String(steps.length - failed)} passed, ${String(failed)} failed`);
  return failed === 0 ? 0 : 1;
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`npm start could not run: ${(error as Error).message}`);
    process.exit(1);
  },
);
