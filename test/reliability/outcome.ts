// How the reliability suite names what an operation did, and checks it for crashes and leaked keys.

export interface Observed {
  /** e.g. `ok: 3 records`, `AppError not_found (404)`, `ThrottledError (retry in 30 s)` */
  outcome: string;
  /** A TypeError, SyntaxError or any error that is not one of Zapier's: never acceptable. */
  crashed: boolean;
  /** Everything a user could see: the output or the error message. */
  visible: string;
}

const ZAPIER_ERRORS = new Set(['AppError', 'ExpiredAuthError', 'ThrottledError', 'RefreshAuthError', 'HaltedError']);

const decoded = (message: string): Record<string, unknown> => {
  try {
    const value: unknown = JSON.parse(message);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

export const observe = async (run: () => Promise<unknown>): Promise<Observed> => {
  try {
    const result = await run();
    const outcome = Array.isArray(result)
      ? `ok: ${String(result.length)} record${result.length === 1 ? '' : 's'}`
      : 'ok';
    return { outcome, crashed: false, visible: JSON.stringify(result) };
  } catch (error) {
    const { name, message } = error as Error;
    const details = decoded(message);
    if (!ZAPIER_ERRORS.has(name)) {
      return { outcome: `CRASH ${name}: ${message.slice(0, 80)}`, crashed: true, visible: message };
    }
    if (name === 'ThrottledError') {
      const delay = details.delay;
      return {
        outcome:
          typeof delay === 'number' ? `ThrottledError (retry in ${String(delay)} s)` : 'ThrottledError (no delay)',
        crashed: false,
        visible: message,
      };
    }
    if (name === 'AppError') {
      const status = typeof details.status === 'number' ? ` (${String(details.status)})` : '';
      return { outcome: `AppError ${String(details.code)}${status}`, crashed: false, visible: message };
    }
    return { outcome: name, crashed: false, visible: message };
  }
};
