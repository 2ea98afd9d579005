import { TEST_TOKENS } from './test-server';

/**
 * Calls a reference server running as its own process (the crash tests SIGKILL it) at `port`, as the Manager.
 * Bounded, so a request to a hung server fails the test instead of hanging it.
 */
export function processApi(port: number) {
  return async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${TEST_TOKENS.Manager}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read what the server answered
    return { status: response.status, body: (text ? JSON.parse(text) : null) as any, text };
  };
}
