import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressFile } from '../../scripts/vite-precompress';
import { TEST_TOKENS, startTestServer, tempDataDir, type TestServer } from '../test-support/test-server';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as they came over the wire, not decoded (fetch would decode them). */
  body: Buffer;
}

function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const varyOf = (response: RawResponse) => String(response.headers.vary ?? '').toLowerCase();
const manager = { authorization: `Bearer ${TEST_TOKENS.Manager}` };

let server: TestServer;
let staticDir: string;
const script = `export const rows = [${Array.from({ length: 400 }, (_, i) => `{ id: ${i}, name: "row ${i}" }`).join(', ')}];\n`;
const html = `<!doctype html><html><head><title>Qualytics</title>${'<link rel="modulepreload" href="/assets/x.js" />'.repeat(40)}</head></html>`;

beforeAll(async () => {
  const dataDir = tempDataDir();
  staticDir = join(dataDir, 'dist');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), html);
  writeFileSync(join(staticDir, 'assets', 'app-1234.js'), script);
  // The build's own step writes the variants (vite.config.ts runs it on every build).
  await precompressFile(join(staticDir, 'index.html'));
  await precompressFile(join(staticDir, 'assets', 'app-1234.js'));
  server = await startTestServer({ STATIC_DIR: staticDir }, { dataDir });
});
afterAll(() => server.close());

describe('hashed assets, precompressed at build time', () => {
  it('writes brotli and gzip variants that decode to the file', () => {
    const file = readFileSync(join(staticDir, 'assets', 'app-1234.js'));
    const br = readFileSync(join(staticDir, 'assets', 'app-1234.js.br'));
    const gz = readFileSync(join(staticDir, 'assets', 'app-1234.js.gz'));
    expect(brotliDecompressSync(br).equals(file)).toBe(true);
    expect(gunzipSync(gz).equals(file)).toBe(true);
    expect(br.byteLength).toBeLessThan(gz.byteLength);
  });

  it('are sent as brotli to a browser that accepts it', async () => {
    const response = await rawRequest(`${server.url}/assets/app-1234.js`, {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(varyOf(response)).toContain('accept-encoding');
    expect(response.headers['cache-control']).toContain('immutable');
    expect(Number(response.headers['content-length'])).toBe(response.body.byteLength);
    expect(response.body.byteLength).toBeLessThan(script.length / 3);
    expect(brotliDecompressSync(response.body).toString()).toBe(script);
  });

  it('are sent as gzip when brotli is not accepted', async () => {
    const response = await rawRequest(`${server.url}/assets/app-1234.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(varyOf(response)).toContain('accept-encoding');
    expect(gunzipSync(response.body).toString()).toBe(script);
  });

  it('are sent as they are without Accept-Encoding, or when only identity is accepted', async () => {
    for (const headers of [{} as Record<string, string>, { 'accept-encoding': 'identity' }]) {
      const response = await rawRequest(`${server.url}/assets/app-1234.js`, { headers });
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBeUndefined();
      expect(varyOf(response)).toContain('accept-encoding');
      expect(response.body.toString()).toBe(script);
    }
  });

  it('give each encoding its own ETag, so a revalidation never mixes them up', async () => {
    const br = await rawRequest(`${server.url}/assets/app-1234.js`, { headers: { 'accept-encoding': 'br' } });
    const plain = await rawRequest(`${server.url}/assets/app-1234.js`);
    expect(br.headers.etag).toBeTruthy();
    expect(br.headers.etag).not.toBe(plain.headers.etag);
  });

  it('include index.html, for the root and for the deep links that fall back to it', async () => {
    for (const path of ['/', '/integrations/5']) {
      const response = await rawRequest(`${server.url}${path}`, { headers: { 'accept-encoding': 'br' } });
      expect(response.status, path).toBe(200);
      expect(response.headers['content-encoding'], path).toBe('br');
      expect(response.headers['content-type'], path).toMatch(/^text\/html/);
      expect(response.headers['cache-control'], path).toBe('no-cache');
      expect(brotliDecompressSync(response.body).toString(), path).toBe(html);
    }
  });
});

describe('JSON answers', () => {
  it('over 1 KB are compressed on the fly, and decode to the same JSON', async () => {
    const plain = await rawRequest(`${server.url}/api/openapi.json`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.byteLength).toBeGreaterThan(1024);
    const br = await rawRequest(`${server.url}/api/openapi.json`, { headers: { 'accept-encoding': 'br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(varyOf(br)).toContain('accept-encoding');
    expect(JSON.parse(brotliDecompressSync(br.body).toString())).toEqual(JSON.parse(plain.body.toString()));
    const gzip = await rawRequest(`${server.url}/api/openapi.json`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gzip.body).toString())).toEqual(JSON.parse(plain.body.toString()));
  });

  it('under 1 KB are sent as they are', async () => {
    const response = await rawRequest(`${server.url}/api/health`, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(response.status).toBe(200);
    expect(response.body.byteLength).toBeLessThan(1024);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(response.body.toString())).toBeTruthy();
  });

  it('keep their ETag when compressed, so If-Match still guards the write; a 204 stays empty', async () => {
    const action = { type: 'PagerDuty', tokenized_message: 'm'.repeat(1500), parameters: { severity: 'error' } };
    const body = JSON.stringify({ name: 'Large', trigger_type: 'anomaly', actions: [action] });
    const json = { ...manager, 'content-type': 'application/json', 'accept-encoding': 'br' };
    const created = await rawRequest(`${server.url}/api/flows`, { method: 'POST', headers: json, body });
    expect(created.status).toBe(201);
    expect(created.headers['content-encoding']).toBe('br');
    const flow = JSON.parse(brotliDecompressSync(created.body).toString()) as { id: number; updated: string };
    expect(created.headers.etag).toBe(`"${flow.updated}"`);

    const read = await rawRequest(`${server.url}/api/flows/${flow.id}`, { headers: json });
    expect(read.headers['content-encoding']).toBe('br');
    expect(read.headers.etag).toBe(`"${flow.updated}"`);

    const put = (ifMatch: string) =>
      rawRequest(`${server.url}/api/flows/${flow.id}`, {
        method: 'PUT',
        headers: { ...json, 'if-match': ifMatch },
        body: JSON.stringify({ name: 'Renamed' }),
      });
    const saved = await put(String(read.headers.etag));
    expect(saved.status).toBe(200);
    const stale = await put(String(read.headers.etag));
    expect(stale.status).toBe(409);
    expect(JSON.parse(brotliDecompressSync(stale.body).toString()).conflict.current.name).toBe('Renamed');

    const deleted = await rawRequest(`${server.url}/api/flows/${flow.id}`, { method: 'DELETE', headers: json });
    expect(deleted.status).toBe(204);
    expect(deleted.headers['content-encoding']).toBeUndefined();
    expect(deleted.body.byteLength).toBe(0);
  });

  it('leave the PagerDuty simulator answering as PagerDuty does', async () => {
    const response = await rawRequest(`${server.url}/pagerduty-sim/v2/enqueue`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip, br' },
      body: '{"bad json',
    });
    expect(response.status).toBe(400);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(response.body.toString()).status).toBe('invalid event');
  });
});
