import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints, type Endpoint } from '../../src/api/contract';
import { startTestServer, tempDataDir, type TestServer } from '../test-support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const cspWith = (scriptSources: string) =>
  `default-src 'self'; script-src 'self'${scriptSources}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; ` +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
  "frame-ancestors 'none'";
const CSP = cspWith('');
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('headers', () => {
  it.each([
    ['a success', '/api/health'],
    ['a 401', '/api/flows'],
    ['an unknown API route', '/api/nothing-here'],
  ])('sets the security headers on %s', async (_, path) => {
    const response = await server.api('GET', path, { as: null });
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('sends no CORS headers unless CORS_ORIGIN is set', async () => {
    const response = await server.api('GET', '/api/health', { headers: { origin: 'https://evil.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await server.api('OPTIONS', '/api/flows', { headers: { origin: 'https://evil.example' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows the configured origin only', async () => {
    const cors = await startTestServer({ CORS_ORIGIN: 'https://console.example' });
    try {
      const preflight = await cors.api('OPTIONS', '/api/flows', {
        as: null,
        headers: { origin: 'https://console.example', 'access-control-request-method': 'POST' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://console.example');
      expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
      const other = await cors.api('GET', '/api/health', { headers: { origin: 'https://evil.example' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await cors.close();
    }
  });
});

describe('bad requests', () => {
  it('answers malformed JSON with 422 without echoing the body', async () => {
    const response = await server.api('POST', '/api/integrations', {
      rawBody: '{"type": "pagerduty", "api_access_token": "SECRETSECRET',
    });
    expect(response.status).toBe(422);
    expect(response.body).toEqual({
      detail: [{ loc: ['body'], msg: 'The request body is not valid JSON', type: 'json_invalid' }],
    });
    expect(response.text).not.toContain('SECRET');
  });

  it('answers a missing body with 422', async () => {
    const response = await server.api('POST', '/api/flows');
    expect(response.status).toBe(422);
    expect(response.body.detail[0].loc).toEqual(['body']);
  });

  it('answers a body over 1 MB with 413', async () => {
    const response = await server.api('POST', '/api/flows', {
      rawBody: JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10), trigger_type: 'anomaly' }),
    });
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ detail: 'The request body is larger than the 1 MB allowed' });
  });

  it('answers a body that is not JSON with 415', async () => {
    const response = await server.api('POST', '/api/flows', {
      rawBody: 'name=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(415);
    expect(typeof response.body.detail).toBe('string');
  });

  it('answers unknown API routes and methods with JSON 404', async () => {
    for (const [method, path] of [
      ['GET', '/api/unknown'],
      ['PATCH', '/api/flows/1'],
      ['GET', '/api'],
    ] as const) {
      const response = await server.api(method, path);
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ detail: 'Not Found' });
    }
  });

  it('never mirrors a huge input back: long key names are cut and issues capped', async () => {
    const longKey = 'k'.repeat(20_000);
    const long = await server.api('POST', '/api/flows', { body: { name: 'x', trigger_type: 'anomaly', [longKey]: 1 } });
    expect(long.status).toBe(422);
    expect(long.text.length).toBeLessThan(1000);
    const many = await server.api('POST', '/api/flows', {
      body: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`extra${i}`, i])),
    });
    expect(many.status).toBe(422);
    expect(many.body.detail).toHaveLength(21);
    expect(many.body.detail[20].msg).toMatch(/more problems/);
    const integration = await server.api('POST', '/api/integrations', {
      body: { type: 'pagerduty', api_access_token: 'x', [longKey]: 'y' },
    });
    expect(integration.status).toBe(422);
    expect(integration.text.length).toBeLessThan(1000);
  });

  it('survives a prototype-pollution attempt', async () => {
    const response = await server.api('POST', '/api/integrations', {
      rawBody: '{"type":"pagerduty","__proto__":{"admin":true},"api_access_token":"x"}',
    });
    expect(response.status).toBe(422);
    expect(response.body.detail[0].loc).toEqual(['body', '__proto__']);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});

describe('guessing tokens', () => {
  it('is refused for a while after AUTH_FAILURE_LIMIT wrong tokens, even with a right one', async () => {
    const guarded = await startTestServer({ AUTH_FAILURE_LIMIT: '3' });
    try {
      expect((await guarded.api('GET', '/api/users/me', { as: null })).status).toBe(401);
      for (let i = 0; i < 3; i++) {
        expect((await guarded.api('GET', '/api/users/me', { token: `wrong-token-${i}-0123456789` })).status).toBe(401);
      }
      const blocked = await guarded.api('GET', '/api/users/me', { as: 'Admin' });
      expect(blocked.status).toBe(429);
      expect(blocked.body).toEqual({
        detail: expect.stringMatching(/^Too many wrong API tokens from this address\. Try again in \d+ seconds\.$/),
        retry_after: expect.any(Number),
      });
      expect(blocked.headers.get('retry-after')).toBe(String(blocked.body.retry_after));
      // No token at all is not a guess and still gets its plain 401; the health check needs none.
      expect((await guarded.api('GET', '/api/users/me', { as: null })).status).toBe(401);
      expect((await guarded.api('GET', '/api/health', { as: null })).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});

describe('odd input never causes a 500', () => {
  const bodies = [
    'null',
    '[]',
    '"text"',
    '42',
    'true',
    '{}',
    '{"type": null}',
    '{"type": "PagerDuty", "tokenized_message": "x", "parameters": null}',
    '{"type": "pagerduty", "api_access_token": {"nested": {"deep": [1, 2]}}}',
    '{"name": "\\u0000\\ud800", "trigger_type": "anomaly", "actions": [null]}',
    '{"actions": [{"type": "PagerDuty", "tokenized_message": "x", "id": 1e308}]}',
    '{"flow_id": -1, "action_id": 0}',
    JSON.stringify({ a: Array.from({ length: 2000 }, (_, i) => ({ [`k${i}`]: [i, { i }] })) }),
  ];
  const paths = (path: string) =>
    path.includes(':')
      ? ['abc', '-1', '1e3', '99999999999999999999', '%00', '1'].map((v) => path.replace(/:(\w+)/, v))
      : [path];

  it.each((Object.entries(endpoints) as [string, Endpoint][]).filter(([, e]) => e.body || e.path.includes(':')))(
    '%s',
    async (_, endpoint) => {
      for (const path of paths(endpoint.path)) {
        for (const rawBody of endpoint.body ? bodies : [undefined]) {
          const response = await server.api(endpoint.method, path, { as: 'Admin', rawBody });
          expect(response.status, `${endpoint.method} ${path} ${rawBody?.slice(0, 80)}`).toBeLessThan(500);
          expect(
            typeof response.body?.detail === 'string' || Array.isArray(response.body?.detail) || response.status < 300,
          ).toBe(true);
        }
      }
    },
  );
});

describe('logging', () => {
  it('redacts credentials from anything that reaches a log line by mistake', () => {
    const secret = 'R3DACTME0123456789abcdefABCDEF01';
    server.app.log.info({ routing_key: secret, api_access_token: secret, body: { routing_key: secret } }, 'oops');
    server.app.log.info({ req: { headers: { authorization: `Bearer ${secret}` } } }, 'oops');
    const lines = server.logs.filter((line) => line.includes('"oops"'));
    expect(lines).toHaveLength(2);
    expect(lines.join('\n')).not.toContain(secret);
    expect(lines.join('\n')).toContain('[redacted]');
  });
});

describe('GET /api/openapi.json', () => {
  it('documents every endpoint of the contract, without a token', async () => {
    const response = await server.api('GET', '/api/openapi.json', { as: null });
    expect(response.status).toBe(200);
    const document = response.body;
    expect(document.openapi).toMatch(/^3\./);
    for (const [name, endpoint] of Object.entries(endpoints)) {
      const path = endpoint.path.replace(/:(\w+)/g, '{$1}');
      const operation = document.paths[path]?.[endpoint.method.toLowerCase()];
      expect(operation, name).toBeDefined();
      expect(operation.operationId).toBe(name);
      expect(Object.keys(operation.responses)).toContain(String(endpoint.success.status));
    }
  });
});

describe('the built SPA', () => {
  it('is served with a fallback to index.html for deep links, and immutable assets', async () => {
    const dataDir = tempDataDir();
    const staticDir = join(dataDir, 'dist');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Qualytics</title>');
    writeFileSync(join(staticDir, 'assets', 'app-1234.js'), 'console.log(1)');
    const spa = await startTestServer({ STATIC_DIR: staticDir }, { dataDir });
    try {
      const deepLink = await fetch(`${spa.url}/integrations/5`);
      expect(deepLink.status).toBe(200);
      expect(await deepLink.text()).toContain('<title>Qualytics</title>');
      expect(deepLink.headers.get('content-security-policy')).toBe(CSP);
      const asset = await fetch(`${spa.url}/assets/app-1234.js`);
      expect(asset.headers.get('cache-control')).toContain('immutable');
      expect((await fetch(`${spa.url}/assets/missing.js`)).status).toBe(404);
      const api = await fetch(`${spa.url}/api/unknown`);
      expect(api.status).toBe(404);
      expect(await api.json()).toEqual({ detail: 'Not Found' });
    } finally {
      await spa.close();
    }
  });

  it('lets the page run exactly its own inline scripts, by their hashes, and follows a rebuild', async () => {
    const dataDir = tempDataDir();
    const staticDir = join(dataDir, 'dist');
    mkdirSync(staticDir, { recursive: true });
    const index = join(staticDir, 'index.html');
    const page = (...scripts: string[]) =>
      `<!doctype html><head><script type="module" src="/assets/app.js"></script></head>` +
      `<body>${scripts.map((script) => `<script>${script}</script>`).join('')}</body>`;
    writeFileSync(index, page('a = 1;', 'b = 2;'));
    const spa = await startTestServer({ STATIC_DIR: staticDir }, { dataDir });
    try {
      for (const path of ['/', '/integrations/5']) {
        const answer = await fetch(`${spa.url}${path}`);
        expect(await answer.text()).toContain('<script>a = 1;</script>');
        expect(answer.headers.get('content-security-policy')).toBe(cspWith(` ${sha256('a = 1;')} ${sha256('b = 2;')}`));
      }
      // API answers run no script: no hash there.
      const api = await fetch(`${spa.url}/api/health`);
      await api.text();
      expect(api.headers.get('content-security-policy')).toBe(CSP);
      // A build while the server runs: the new script is allowed, the old one no longer.
      writeFileSync(index, page('c = 3; // rebuilt'));
      const rebuilt = await fetch(`${spa.url}/integrations`);
      expect(await rebuilt.text()).toContain('rebuilt');
      expect(rebuilt.headers.get('content-security-policy')).toBe(cspWith(` ${sha256('c = 3; // rebuilt')}`));
    } finally {
      await spa.close();
    }
  });
});
