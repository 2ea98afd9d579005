/**
 * The load generator's HTTP client: `node:http` on a keep-alive agent, one socket per request in flight. The bench
 * runs on the same two cores as the server and the simulator, so the client must cost little: `fetch` (undici)
 * spent more CPU per request than the server it was measuring, and that CPU came out of the server's share.
 */
import { Agent, request } from 'node:http';

export interface LoadClient {
  post(url: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; text: string }>;
  close(): void;
}

export function loadClient(maxSockets: number): LoadClient {
  const agent = new Agent({ keepAlive: true, maxSockets });
  return {
    post(url, body, headers = {}) {
      const payload = JSON.stringify(body);
      return new Promise((resolve, reject) => {
        const req = request(
          url,
          {
            method: 'POST',
            agent,
            headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload), ...headers },
            timeout: 30_000,
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (text += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
            res.on('error', reject);
          },
        );
        req.on('timeout', () => req.destroy(new Error(`POST ${url} timed out`)));
        req.on('error', reject);
        req.end(payload);
      });
    },
    close: () => agent.destroy(),
  };
}
