import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_TOKENS, type TestServer } from '../test-support/test-server';

/** Guessing tokens is refused: after a few unknown tokens an address gets 429 with Retry-After, right or wrong. */

const LIMIT = 5;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ AUTH_FAILURE_LIMIT: String(LIMIT) });
});
afterAll(() => server.close());

describe('token guessing', () => {
  it('is refused with 429 after the limit, for every token, without revealing a hit', async () => {
    // Requests without a token are not guesses: they never count.
    for (let i = 0; i < LIMIT * 2; i += 1)
      expect((await server.api('GET', '/api/flows', { as: null })).status).toBe(401);
    expect((await server.api('GET', '/api/flows', { as: 'Member' })).status).toBe(200);

    for (let i = 0; i < LIMIT; i += 1) {
      expect((await server.api('GET', '/api/flows', { token: `guess-${i}-0123456789abcdef` })).status).toBe(401);
    }
    const guess = await server.api('GET', '/api/flows', { token: 'guess-next-0123456789abcdef' });
    expect(guess.status).toBe(429);
    expect(Number(guess.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(guess.body.detail).toMatch(/Too many .*tokens?.* Try again in \d+ seconds?/i);

    // While blocked, the right token gets the same answer: a guesser cannot tell a hit from a miss.
    const right = await server.api('GET', '/api/flows', { token: TEST_TOKENS.Manager });
    expect(right.status).toBe(429);
    expect(right.body.detail).toMatch(/Too many /);
  });
});
