// A stand-in for Zapier's hook URLs: records the bodies POSTed to it, by path.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CatchServer {
  url: string;
  /** The next body POSTed to `path`, waiting for it if it has not come yet. */
  next: (path: string, timeoutMs?: number) => Promise<unknown>;
  close: () => Promise<void>;
}

export const startCatchServer = async (): Promise<CatchServer> => {
  const received = new Map<string, unknown[]>();
  const waiting = new Map<string, (body: unknown) => void>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
      const waiter = waiting.get(path);
      if (waiter) {
        waiting.delete(path);
        waiter(body);
      } else {
        received.set(path, [...(received.get(path) ?? []), body]);
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"status":"success"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  return {
    url,
    next: (path, timeoutMs = 5_000) => {
      const queued = received.get(path);
      if (queued?.length) return Promise.resolve(queued.shift());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`no delivery to ${path} within ${String(timeoutMs)} ms`));
        }, timeoutMs);
        waiting.set(path, (body) => {
          clearTimeout(timer);
          resolve(body);
        });
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
};
