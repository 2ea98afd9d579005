import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The server tests as StrykerJS runs them (`npm run test:mutation`): the in-process ones only. The fuzz and crash
 * tests spawn the server as a child process, where the runner cannot see which mutant a test exercised, and take
 * minutes: run once per mutant they would only slow the run without killing anything.
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['server/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'server/fuzz/**'],
    testTimeout: 20_000,
  },
});
