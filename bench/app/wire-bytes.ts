import type { Page, Request } from '@playwright/test';
import { brotliCompressSync, constants } from 'node:zlib';

export interface WireEntry {
  path: string;
  /** `Content-Encoding` as sent (`identity` when none). */
  encoding: string;
  /** Body bytes as they crossed the wire (encoded), from Chromium's own count. */
  wire: number;
  headers: number;
  /** Body bytes after decoding: what the page got. */
  decoded: number;
  /** Brotli quality 11 of the decoded body: the best a server could reasonably send. */
  brotli: number;
}

export interface WireBytes {
  /** Sum of the encoded bodies. */
  wire: number;
  headers: number;
  decoded: number;
  brotli: number;
  entries: WireEntry[];
}

/**
 * Every same-origin response the page receives while recording, with its size on the wire (Playwright's
 * `request.sizes()`, i.e. CDP's encoded length split into headers and body) beside the brotli size of its content.
 */
export class WireRecorder {
  private pending: Promise<WireEntry | null>[] = [];
  private recording = true;

  constructor(
    page: Page,
    private readonly origin: string,
  ) {
    page.on('requestfinished', (request) => {
      if (this.recording && new URL(request.url()).origin === this.origin) this.pending.push(this.measure(request));
    });
  }

  private async measure(request: Request): Promise<WireEntry | null> {
    const response = await request.response();
    if (!response) return null;
    const [sizes, body, headers] = await Promise.all([
      request.sizes(),
      response.body().catch(() => Buffer.alloc(0)),
      response.allHeaders(),
    ]);
    const brotli = body.byteLength
      ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength
      : 0;
    const url = new URL(request.url());
    return {
      path: url.pathname + url.search,
      encoding: headers['content-encoding'] ?? 'identity',
      wire: sizes.responseBodySize,
      headers: sizes.responseHeadersSize,
      decoded: body.byteLength,
      // A body that does not shrink would be sent as it is: the best case is the smaller of the two.
      brotli: Math.min(brotli, body.byteLength),
    };
  }

  /** Stops recording and sums what was recorded. */
  async stop(): Promise<WireBytes> {
    this.recording = false;
    const entries = (await Promise.all(this.pending)).filter((entry): entry is WireEntry => entry !== null);
    const sum = (key: 'wire' | 'headers' | 'decoded' | 'brotli') => entries.reduce((total, e) => total + e[key], 0);
    return {
      wire: sum('wire'),
      headers: sum('headers'),
      decoded: sum('decoded'),
      brotli: sum('brotli'),
      entries: entries.sort((a, b) => b.wire - a.wire),
    };
  }
}
