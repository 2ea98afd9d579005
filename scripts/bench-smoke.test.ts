import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);

interface SmokeReport {
  smoke: boolean;
  rows: { section: string; what: string; figure: string; result: string }[];
  bundle: { name: string; firstLoadJs: { gzip: number; brotli: number }; assets: { file: string }[] }[];
  requests: { name: string; count: number; duplicates: string[] }[];
  forms: {
    js: Record<string, { gzip: number }>;
    results: {
      page: string;
      size: number;
      usableMs: number;
      keystroke: { count: number; p95Ms: number; processingP95Ms: number; workFrom: string } | null;
    }[];
  };
  lighthouse: unknown[];
}

/**
 * `npm run bench` is not part of `npm test` (timings are not assertions); this only checks that the bench still runs
 * end to end and reports its sections in the expected shape, with one tiny size of each measurement. Lighthouse, which
 * takes minutes, runs in `npm run bench` only: the smoke run leaves it out.
 */
describe('npm run bench -- --smoke', () => {
  let dir: string | undefined;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('measures every section and writes the table and the JSON', { timeout: 180_000 }, async () => {
    dir = await mkdtemp(join(tmpdir(), 'bench-smoke-'));
    const out = join(dir, 'smoke.json');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--smoke', `--out=${out}`], {
      cwd: join(import.meta.dirname, '..'),
      timeout: 170_000,
      maxBuffer: 16 * 1024 * 1024,
    });

    expect(stdout).toMatch(/section\s+\|\s+what\s+\|\s+figure\s+\|\s+budget\s+\|\s+result/);
    expect(stdout).toMatch(/\d+ budgets pass, \d+ fail/);
    const report = JSON.parse(await readFile(out, 'utf8')) as SmokeReport;
    expect(report.smoke).toBe(true);
    expect(new Set(report.rows.map((row) => row.section))).toEqual(new Set(['bundle', 'requests', 'forms']));
    for (const row of report.rows) expect(['PASS', 'FAIL', 'n/a']).toContain(row.result);

    const integrations = report.bundle.find((visit) => visit.name === 'integrations');
    expect(integrations?.assets.length).toBeGreaterThan(0);
    expect(integrations?.firstLoadJs.gzip).toBeGreaterThan(0);
    expect(integrations?.firstLoadJs.brotli).toBeLessThan(integrations?.firstLoadJs.gzip ?? 0);
    expect(report.rows.map((row) => row.what)).toContain('bytes on the wire, cold /integrations');
    // The console always asks for at least the signed-in user.
    expect(report.requests.find((visit) => visit.name === 'integrations')?.count).toBeGreaterThan(0);

    expect(Object.keys(report.forms.js).sort()).toEqual(['engine', 'plain', 'rjsf']);
    expect(report.forms.results).toHaveLength(3);
    for (const result of report.forms.results) {
      expect(result.usableMs).toBeGreaterThan(0);
      expect(result.keystroke?.count).toBeGreaterThanOrEqual(10);
      expect(result.keystroke?.p95Ms).toBeGreaterThan(0);
      expect(result.keystroke?.processingP95Ms).toBeGreaterThan(0);
      expect(result.keystroke?.workFrom).toBe('trace');
    }

    expect(report.lighthouse).toEqual([]);
  });
});
