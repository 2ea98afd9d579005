import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface RawReply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** The other side answered, but not with a complete, plausible reply. */
export class BadReplyError extends Error {
  override name = 'BadReplyError';
}

/** PagerDuty's replies are a few hundred bytes; anything far larger is not PagerDuty. */
const MAX_REPLY_BYTES = 256 * 1024;

/**
 * POSTs a JSON body and reads the reply, all within `timeoutMs`. Plain node:http(s) on a fresh
 * connection rather than the process-wide fetch pool: an aborted call can never disturb other
 * connections of this process, and a reply cannot grow without bound.
 */
export function postJson(url: string, body: string, timeoutMs: number): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(
      target,
      {
        method: 'POST',
        agent: false,
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          'Content-Length': Buffer.byteLength(body),
          'User-Agent': 'Qualytics-Reference-Server',
        },
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_REPLY_BYTES)
            request.destroy(new BadReplyError('The reply is larger than PagerDuty ever sends'));
          else chunks.push(chunk);
        });
        response.on('error', reject);
        response.on('close', () => {
          if (!response.complete) reject(new BadReplyError('The reply was cut off'));
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
