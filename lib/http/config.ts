export const DEFAULT_API_URL = 'https://nevermisshq.com/api/v1';

/**
 * Base URL of the NeverMiss API. Read on every request so a staging server or the local
 * sandbox can be reached by setting `NEVERMISS_API_URL`, without rebuilding the app.
 */
export const apiBaseUrl = (): string => {
  const configured = process.env.NEVERMISS_API_URL?.trim();
  return (configured || DEFAULT_API_URL).replace(/\/+$/, '');
};

/** The largest answer read: 100,000 records of the largest kind are a fraction of it. */
const DEFAULT_MAX_BODY_BYTES = 256 * 1024 * 1024;

/**
 * Beyond this many bytes an answer is no NeverMiss answer: node-fetch stops reading it rather than run
 * out of memory. `NEVERMISS_MAX_BODY_BYTES` lowers it (the tests).
 */
export const maxBodyBytes = (): number => {
  const configured = Number(process.env.NEVERMISS_MAX_BODY_BYTES);
  return Number.isInteger(configured) && configured > 0
    ? Math.min(configured, DEFAULT_MAX_BODY_BYTES)
    : DEFAULT_MAX_BODY_BYTES;
};

/** Zapier stops a step after 30 s; a stalled answer must fail before that, with time left to say why. */
export const DEFAULT_TIMEOUT_MS = 12_000;

/**
 * How long a request may take to start answering, and then again to finish its body (node-fetch's
 * `timeout` covers each): at most 24 s in all. `NEVERMISS_TIMEOUT_MS` lowers it (the stall tests).
 */
export const requestTimeoutMs = (): number => {
  const configured = Number(process.env.NEVERMISS_TIMEOUT_MS);
  return Number.isInteger(configured) && configured > 0 ? Math.min(configured, DEFAULT_TIMEOUT_MS) : DEFAULT_TIMEOUT_MS;
};
