/** Where the brief-only server of `e2e/brief-only/` listens: beside the main suite's port. */
const port = Number(process.env.E2E_BRIEF_PORT ?? Number(process.env.E2E_PORT ?? 4179) + 1000);

export const briefOnlyEnv = {
  port,
  baseURL: `http://127.0.0.1:${port}`,
  managerToken: 'e2e-manager-token-0123456789abcdef',
} as const;
