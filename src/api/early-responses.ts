/**
 * Answers to the current route's first GET requests, started by the route preload script in index.html while the
 * app's JS was still downloading (scripts/vite-route-preload.ts). Each is taken once, for the same URL and token it
 * was asked with, and only in the first seconds of the page: later, or for anything else, the app asks the server
 * itself.
 */
interface EarlyResponses {
  token: string;
  /** performance.now() when they were asked. */
  at: number;
  responses: Record<string, Promise<Response> | undefined>;
}

/** Older answers may no longer be what the server holds: a page that took this long to start asks again. */
export const earlyResponseMaxAgeMs = 10_000;

declare global {
  var __qualyticsEarly: EarlyResponses | undefined;
}

export function takeEarlyResponse(url: string, token: string, now = performance.now()): Promise<Response> | null {
  const early = globalThis.__qualyticsEarly;
  if (!early) return null;
  if (early.token !== token || now - early.at > earlyResponseMaxAgeMs) {
    globalThis.__qualyticsEarly = undefined;
    return null;
  }
  const response = early.responses[url];
  if (!response) return null;
  delete early.responses[url];
  return response;
}
