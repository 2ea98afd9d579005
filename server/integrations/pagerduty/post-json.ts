import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

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
 * Connections kept open between events: a new TCP (and TLS) handshake per event costs more than the event.
 * These pools are ours alone, not the process-wide fetch pool, so an aborted call can never disturb other
 * connections of this process: a call that times out, is cut off or overflows destroys its socket, which
 * never goes back to the pool. Room for the largest DELIVERY_CONCURRENCY plus the synchronous sends, so a
 * send never waits for a socket; idle sockets close before a server's usual 5 s keep-alive would.
 */
const pool = { keepAlive: true, maxSockets: 264, maxFreeSockets: 264, timeout: 4000 };
const agents = { 'http:': new HttpAgent(pool), 'https:': new HttpsAgent(pool) };

/** A pooled connection found closed before any reply: most likely closed while idle; sending again is safe (PagerDuty merges by dedup key). */
const staleSocket = (error: unknown, reused: boolean) =>
  reused && ['ECONNRESET', 'EPIPE'].includes((error as NodeJS.ErrnoException).code ?? '');

/**
 * POSTs a JSON body and reads the reply, all within `timeoutMs`. Plain node:http(s) on our own
 * keep-alive pool rather than the process-wide fetch pool (see `agents`); a reply cannot grow without bound.
 */
export function postJson(url: string, body: string, timeoutMs: number): Promise<RawReply> {
  const signal = AbortSignal.timeout(timeoutMs);
  return attempt(url, body, signal).catch((error: unknown) => {
    if (!(error instanceof StaleSocketError)) throw error;
    return attempt(url, body, signal).catch((again: unknown) => {
      throw again instanceof StaleSocketError ? again.cause : again;
    });
  });
}

class StaleSocketError extends Error {}

function attempt(url: string, body: string, signal: AbortSignal): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(
      target,
      {
        method: 'POST',
        agent: target.protocol === 'https:' ? agents['https:'] : agents['http:'],
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          'Content-Length': Buffer.byteLength(body),
          'User-Agent': 'Qualytics-Reference-Server',
        },
        signal,
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
    let replied = false;
    request.on('response', () => (replied = true));
    request.on('error', (error) => {
      // Never back to the pool, whatever failed.
      request.socket?.destroy();
      reject(
        !replied && staleSocket(error, request.reusedSocket) ? new StaleSocketError('stale', { cause: error }) : error,
      );
    });
    request.end(body);
  });
}
