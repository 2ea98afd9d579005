import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { fileSize, sumSizes, type CompressedSize } from '../lib/compress';
import { serveStatic } from '../lib/static-server';
import { median, percentile, round } from '../lib/stats';
import { buildFormPages, formPages, type FormPage } from './build-forms';
import { generateSpec, middleStringField } from './src/generate-spec';
import { tracedKeystrokes } from './keystroke-trace';
import { keystrokeProbeScript, keystrokeSamples, type KeystrokeData, type KeystrokeSample } from './keystroke-probe';

export interface FormsOptions {
  sizes: readonly number[];
  /**
   * Rounds at the largest size, where the budgets are (the smaller sizes, which only inform, get one). A round is a
   * fresh load of each renderer (time until usable) and then the keystrokes typed into them; every figure is the
   * median of the rounds, and the report prints their spread.
   */
  rounds: number;
  keystrokes: number;
}

export interface KeystrokeStats {
  count: number;
  /** How many samples came from Event Timing entries (the rest were under its 16 ms threshold). */
  fromEventTiming: number;
  medianMs: number;
  p95Ms: number;
  processingMedianMs: number;
  processingP95Ms: number;
  /** Where the work figures come from: the trace's thread time, or the in-page probe when tracing failed. */
  workFrom: 'trace' | 'probe';
}

export type RoundStats = KeystrokeStats & { samples: KeystrokeSample[] };

export interface FormResult {
  page: FormPage;
  size: number;
  /** Median of the rounds. */
  usableMs: number;
  /** One per round, in round order (the same index is the same round for every renderer). */
  usableSamplesMs: number[];
  /** Each figure the median of the rounds' figures. */
  keystroke: KeystrokeStats | null;
  /** One per round, in round order; null where that round's typing failed. */
  keystrokeRounds: (RoundStats | null)[];
  error?: string;
}

export interface FormsReport {
  buildMs: number;
  js: Record<FormPage, CompressedSize & { files: string[] }>;
  results: FormResult[];
}

const idOf: Record<FormPage, (field: string) => string> = {
  engine: (field) => `bench-${field}`,
  rjsf: (field) => `root_${field}`,
  plain: (field) => field,
};

const typedText = 'The quick brown fox jumps over the lazy dog 0123456789 ';

async function loadUntilUsable(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.waitForFunction(() => window.__benchUsableAt !== undefined, undefined, { timeout: 120_000 });
  return page.evaluate(() => window.__benchUsableAt as number);
}

async function focusMiddleField(page: Page, formPage: FormPage, size: number) {
  const field = middleStringField(generateSpec(size));
  const input = page.locator(`[id="${idOf[formPage](field)}"]`);
  await input.scrollIntoViewIfNeeded();
  await input.focus();
  await page.evaluate(() => {
    const data = (window as unknown as { __benchKeys: KeystrokeData }).__benchKeys;
    data.events.length = 0;
    data.probes.length = 0;
  });
  return input;
}

const keyDelayMs = 50;

async function typeBurst(page: Page, text: string) {
  await page.bringToFront();
  // A tab brought to the front repaints first; let that and whatever the page scheduled (effects, idle callbacks)
  // finish before the first keystroke.
  await page.waitForTimeout(700);
  // One key every 50 ms: slower than a frame, so each keystroke gets its own paint unless the page is the bottleneck.
  await page.keyboard.type(text, { delay: keyDelayMs });
  await page.waitForTimeout(300);
}

/**
 * `traceWork`: main-thread CPU ms per keystroke from the trace; without it, the in-page probe's estimate.
 * `timed`: the keystrokes typed without tracing, the only ones whose latency counts (a trace slows the page).
 */
function keystrokeStats(data: KeystrokeData, traceWork: readonly number[], timed: ReadonlySet<number>): RoundStats {
  const all = keystrokeSamples(data);
  const samples = all.filter((sample) => timed.has(sample.index));
  const latency = samples.map((sample) => sample.latency);
  const processing = traceWork.length ? traceWork : all.map((sample) => sample.processing);
  return {
    count: samples.length,
    fromEventTiming: samples.filter((sample) => sample.fromEventTiming).length,
    medianMs: round(median(latency)),
    p95Ms: round(percentile(latency, 95)),
    processingMedianMs: round(median(processing)),
    processingP95Ms: round(percentile(processing, 95)),
    workFrom: traceWork.length ? 'trace' : 'probe',
    samples: samples.map((sample) => ({
      ...sample,
      latency: round(sample.latency),
      processing: round(sample.processing),
    })),
  };
}

/**
 * Types into the middle string field of the three pages in alternating bursts (renderer A, B, C, A, B, C, ...), so
 * that a burst of load from other work on the shared machine is spread over all three rather than landing on one.
 */
async function typeInterleaved(
  browser: Browser,
  pages: Partial<Record<FormPage, Page>>,
  size: number,
  keystrokes: number,
  errors: Partial<Record<FormPage, string>>,
): Promise<Partial<Record<FormPage, RoundStats>>> {
  // Twice the keystrokes: each burst is typed once traced (the work figures) and once not (the latency figures),
  // because tracing itself costs the page main-thread time and would be counted as latency.
  const text = typedText.repeat(Math.ceil((2 * keystrokes) / typedText.length)).slice(0, 2 * keystrokes);
  // Up to 4 pairs of bursts (traced, then not), each pair the same length, so exactly `keystrokes` are timed.
  const pairs = Math.min(4, keystrokes);
  const perPair = Math.ceil(keystrokes / pairs);
  const chunks: { from: number; length: number; tracing: boolean }[] = [];
  for (let pair = 0, from = 0; pair < pairs; pair++) {
    const length = Math.min(perPair, keystrokes - pair * perPair);
    if (length <= 0) break;
    chunks.push({ from, length, tracing: true }, { from: from + length, length, tracing: false });
    from += 2 * length;
  }
  const active = formPages.filter((formPage) => pages[formPage] && !errors[formPage]);
  const inputs = new Map<FormPage, Awaited<ReturnType<typeof focusMiddleField>>>();
  const fail = (formPage: FormPage, caught: unknown) => {
    errors[formPage] = caught instanceof Error ? caught.message.split('\n')[0] : String(caught);
  };
  for (const formPage of active) {
    await focusMiddleField(pages[formPage] as Page, formPage, size).then(
      (input) => inputs.set(formPage, input),
      (caught: unknown) => fail(formPage, caught),
    );
  }
  const work: Record<FormPage, number[]> = { engine: [], rjsf: [], plain: [] };
  const traced = { count: 0 };
  const timed = new Set<number>();
  for (const { from, length, tracing } of chunks) {
    const chunk = text.slice(from, from + length);
    for (const formPage of active) {
      if (errors[formPage] || !chunk) continue;
      const page = pages[formPage] as Page;
      const typing = () => typeBurst(page, chunk);
      await (tracing ? tracedKeystrokes(browser, page, keyDelayMs, typing) : typing().then(() => null)).then(
        (perKey) => (perKey ? work[formPage].push(...perKey) : undefined),
        (caught: unknown) => fail(formPage, caught),
      );
    }
    // Keystroke i of the text is probe i on every page (each probe is one keydown of that text).
    if (tracing) traced.count += chunk.length;
    else for (let i = from; i < from + chunk.length; i++) timed.add(i);
  }
  const stats: Partial<Record<FormPage, RoundStats>> = {};
  for (const formPage of active) {
    const page = pages[formPage] as Page;
    const input = inputs.get(formPage);
    if (errors[formPage] || !input) continue;
    const typed = await input.inputValue();
    if (typed !== text) {
      errors[formPage] = `typed text was not kept (${typed.length}/${text.length} characters)`;
      continue;
    }
    stats[formPage] = keystrokeStats(
      await page.evaluate(() => (window as unknown as { __benchKeys: KeystrokeData }).__benchKeys),
      work[formPage].length === traced.count ? work[formPage] : [],
      timed,
    );
  }
  return stats;
}

/** Each figure of the rounds' stats, as the median over the rounds. */
function medianOfRounds(rounds: readonly KeystrokeStats[]): KeystrokeStats {
  const of = (key: Exclude<keyof KeystrokeStats, 'workFrom'>) => round(median(rounds.map((stats) => stats[key])));
  return {
    count: rounds.reduce((sum, stats) => sum + stats.count, 0),
    fromEventTiming: rounds.reduce((sum, stats) => sum + stats.fromEventTiming, 0),
    medianMs: of('medianMs'),
    p95Ms: of('p95Ms'),
    processingMedianMs: of('processingMedianMs'),
    processingP95Ms: of('processingP95Ms'),
    workFrom: rounds.every((stats) => stats.workFrom === 'trace') ? 'trace' : 'probe',
  };
}

/**
 * Builds the three form pages, serves them, and measures each size on each renderer from fresh page loads
 * (renderers interleaved, so a burst of load on the shared machine does not fall on one of them only).
 */
export async function measureForms(browser: Browser, options: FormsOptions, log: (line: string) => void) {
  const built = await buildFormPages();
  log(`  form pages built in ${Math.round(built.ms)} ms`);
  const server = await serveStatic(built.outDir);
  const scripts: Record<FormPage, Set<string>> = { engine: new Set(), rjsf: new Set(), plain: new Set() };
  const results: FormResult[] = [];
  try {
    const largest = Math.max(...options.sizes);
    for (const size of options.sizes) {
      const rounds = size === largest ? options.rounds : 1;
      const usable: Record<FormPage, number[]> = { engine: [], rjsf: [], plain: [] };
      const typed: Record<FormPage, (RoundStats | null)[]> = { engine: [], rjsf: [], plain: [] };
      const errors: Partial<Record<FormPage, string>> = {};
      for (let round = 0; round < rounds; round++) {
        const typingPages: Partial<Record<FormPage, Page>> = {};
        const contexts: BrowserContext[] = [];
        try {
          for (const formPage of formPages) {
            if (errors[formPage]) continue;
            const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
            contexts.push(context);
            await context.addInitScript(keystrokeProbeScript);
            const page = await context.newPage();
            page.on('request', (request) => {
              if (request.resourceType() === 'script') scripts[formPage].add(new URL(request.url()).pathname);
            });
            try {
              usable[formPage].push(await loadUntilUsable(page, `${server.origin}/${formPage}.html?n=${size}`));
              typingPages[formPage] = page;
            } catch (caught) {
              errors[formPage] = caught instanceof Error ? caught.message.split('\n')[0] : String(caught);
            }
          }
          const keystroke = await typeInterleaved(browser, typingPages, size, options.keystrokes, errors);
          for (const formPage of formPages) typed[formPage].push(keystroke[formPage] ?? null);
        } finally {
          await Promise.all(contexts.map((context) => context.close()));
        }
      }
      for (const formPage of formPages) {
        const measured = typed[formPage].filter((stats): stats is RoundStats => stats !== null);
        const result: FormResult = {
          page: formPage,
          size,
          usableMs: round(median(usable[formPage])),
          usableSamplesMs: usable[formPage].map((ms) => round(ms)),
          keystroke: measured.length === rounds ? medianOfRounds(measured) : null,
          keystrokeRounds: typed[formPage],
          ...(errors[formPage] ? { error: errors[formPage] } : {}),
        };
        results.push(result);
        const keys = result.keystroke;
        log(
          `  ${size} properties, ${formPage} (${rounds} round${rounds > 1 ? 's' : ''}): usable ${result.usableMs} ms` +
            (keys ? `, keystroke-to-paint p95 ${keys.p95Ms} ms, work p95 ${keys.processingP95Ms} ms` : '') +
            (result.error ? `, ERROR ${result.error}` : ''),
        );
      }
    }
  } finally {
    await server.close();
  }
  const js = {} as FormsReport['js'];
  for (const formPage of formPages) {
    const files = [...scripts[formPage]].sort();
    const sizes = await Promise.all(files.map((file) => fileSize(join(built.outDir, file))));
    js[formPage] = { ...sumSizes(sizes), files };
  }
  await rm(built.outDir, { recursive: true, force: true });
  return { buildMs: round(built.ms, 0), js, results } satisfies FormsReport;
}
