// A stand-in for Zapier's file stash on loopback: the RPC that hands out a presigned upload
// (`get_presigned_upload_post_data`, as core's tools/create-file-stasher.js asks it) and the upload
// itself, which it keeps and serves back. Core reads the RPC address (`ZAPIER_BASE_ENDPOINT`) when
// it loads: start this first.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StashedFile {
  filename: string;
  contentType: string;
  content: string;
}

export interface StashServer {
  /** What `ZAPIER_BASE_ENDPOINT` must be: core posts RPCs to `<url>/platform/rpc/cli`. */
  url: string;
  /** The file stored under a URL the upload answered with. */
  fileAt: (url: string) => StashedFile | undefined;
  close: () => Promise<void>;
}

/** A field of a multipart form, by name (form-data writes one part a field). */
const formField = (form: string, name: string): string | undefined =>
  new RegExp(
    `name="${name}"(?:; filename="[^"]*")?\\r\\n(?:Content-Type: [^\\r]*\\r\\n)?\\r\\n([\\s\\S]*?)\\r\\n--`,
  ).exec(form)?.[1];

export const startStashServer = async (): Promise<StashServer> => {
  const files = new Map<string, StashedFile>();
  let uploads = 0;
  let url = '';
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (req.method === 'POST' && req.url === '/platform/rpc/cli') {
        const { id, method } = JSON.parse(body) as { id: string; method: string };
        uploads += 1;
        const answer =
          method === 'get_presigned_upload_post_data'
            ? { id, result: { url: `${url}/upload/`, fields: { key: `stash/${String(uploads)}` } } }
            : { id, error: `the stand-in knows no RPC ${method}` };
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(answer));
        return;
      }
      if (req.method === 'POST' && req.url === '/upload/') {
        const key = formField(body, 'key') ?? '';
        const disposition = formField(body, 'Content-Disposition') ?? '';
        files.set(`${url}/upload/${key}`, {
          filename: /filename="([^"]*)"/.exec(disposition)?.[1] ?? '',
          contentType: formField(body, 'Content-Type') ?? '',
          content: formField(body, 'file') ?? '',
        });
        res.writeHead(204);
        res.end();
        return;
      }
      res.writeHead(404);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  return {
    url,
    fileAt: (fileUrl) => files.get(fileUrl),
    close: () =>
      new Promise((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
};
