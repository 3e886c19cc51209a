// `npm run sandbox`: the local NeverMiss API on 127.0.0.1:${NEVERMISS_SANDBOX_PORT:-4010}, until Ctrl-C.
import { DEFAULT_SANDBOX_PORT, SANDBOX_API_KEY, startSandbox } from './server';

const main = async () => {
  const port = Number(process.env.NEVERMISS_SANDBOX_PORT ?? DEFAULT_SANDBOX_PORT);
  const sandbox = await startSandbox({
    port,
    log: (line) => {
      console.log(`  ${line}`);
    },
  });
  console.log(`NeverMiss sandbox listening.
  API base URL: ${sandbox.apiUrl}
  API key:      ${SANDBOX_API_KEY}
  Control:      POST ${sandbox.url}/_sandbox/events | /_sandbox/faults | /_sandbox/reset
Point the integration at it with NEVERMISS_API_URL=${sandbox.apiUrl}. Ctrl-C stops it.`);
  const stop = () => {
    void sandbox.close().then(() => {
      console.log('NeverMiss sandbox stopped.');
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};

main().catch((error: unknown) => {
  console.error(`Could not start the sandbox: ${(error as Error).message}`);
  process.exit(1);
});
