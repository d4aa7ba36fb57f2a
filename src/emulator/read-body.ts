import type { IncomingMessage } from 'node:http';

/** Largest request body read, bytes: the gateway limits AK/SK-signed bodies to 12 MB. */
export const MAX_BODY_BYTES = 12 * 1024 * 1024;

const EMPTY = new Uint8Array(0);

/** Reads a request body; `undefined` when it is larger than {@link MAX_BODY_BYTES}. */
export function readBody(req: IncomingMessage): Promise<Uint8Array | undefined> {
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) {
    req.resume();
    return Promise.resolve(EMPTY);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
