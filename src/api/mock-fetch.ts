import { vi } from 'vitest';

export interface RecordedRequest {
  method: string;
  path: string;
  /** The query string, with its `?` (empty when none). */
  search: string;
  headers: Headers;
  body: unknown;
  /** Set when the caller can abort; the stub then rejects with an AbortError as fetch does. */
  signal?: AbortSignal;
}

type Reply = Response | { status?: number; body?: unknown; headers?: Record<string, string> };
type Handler = Reply | ((request: RecordedRequest) => Reply | Promise<Reply>);

export function jsonResponse(status: number, body?: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
  });
}

/**
 * Stubs `fetch` with handlers keyed "METHOD /path" and records every request, so tests can
 * assert on what the UI sent. An unhandled request fails loudly with a 599.
 */
export function mockApi(handlers: Record<string, Handler>) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input.toString(), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const rawBody = typeof init?.body === 'string' ? init.body : undefined;
    const request: RecordedRequest = {
      method,
      path: url.pathname,
      search: url.search,
      headers: new Headers(init?.headers),
      body: rawBody ? (JSON.parse(rawBody) as unknown) : undefined,
    };
    if (init?.signal) request.signal = init.signal;
    requests.push(request);
    const handler = handlers[`${method} ${url.pathname}`];
    if (!handler) return jsonResponse(599, { detail: `No mock for ${method} ${url.pathname}` });
    const signal = init?.signal;
    const aborted = new Promise<never>((_, reject) => {
      const fail = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
      if (signal?.aborted) fail();
      else signal?.addEventListener('abort', fail, { once: true });
    });
    const answer = Promise.resolve(typeof handler === 'function' ? handler(request) : handler);
    const reply = signal ? await Promise.race([answer, aborted]) : await answer;
    if (reply instanceof Response) return reply;
    return jsonResponse(reply.status ?? 200, reply.body, reply.headers);
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    requests,
    fetchMock,
    /** "METHOD /path" of every request so far. */
    calls: () => requests.map((request) => `${request.method} ${request.path}`),
  };
}
