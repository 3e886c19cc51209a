export const DEFAULT_API_URL = 'https://nevermisshq.com/api/v1';

/**
 * Base URL of the NeverMiss API. Read on every request so a staging server or the local
 * sandbox can be reached by setting `NEVERMISS_API_URL`, without rebuilding the app.
 */
export const apiBaseUrl = (): string => {
  const configured = process.env.NEVERMISS_API_URL?.trim();
  return (configured || DEFAULT_API_URL).replace(/\/+$/, '');
};
