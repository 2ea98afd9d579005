import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { fileSize, sumSizes, type CompressedSize } from '../lib/compress';
import { serveStatic } from '../lib/static-server';
import { median, percentile, round } from '../lib/stats';
import { buildFormPages, formPages, type FormPage } from './build-forms';
import { generateSpec, middleStringField } from './src/generate-spec';
import { keystrokeProbeScript, keystrokeSamples, type KeystrokeData, type KeystrokeSample } from './keystroke-probe';

export interface FormsOptions {
  sizes: readonly number[];
  /** Fresh page loads per renderer and size for the time until usable (the median is reported). */
  loads: number;
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
}

export interface FormResult {
  page: FormPage;
  size: number;
  usableMs: number;
  usableSamplesMs: number[];
  keystroke: (KeystrokeStats & { samples: KeystrokeSample[] }) | null;
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

async function typeBurst(page: Page, text: string) {
  await page.bringToFront();
  // A tab brought to the front repaints first; let that and whatever the page scheduled (effects, idle callbacks)
  // finish before the first keystroke.
  await page.waitForTimeout(700);
  // One key every 50 ms: slower than a frame, so each keystroke gets its own paint unless the page is the bottleneck.
  await page.keyboard.type(text, { delay: 50 });
  await page.waitForTimeout(300);
}

function keystrokeStats(data: KeystrokeData): KeystrokeStats & { samples: KeystrokeSample[] } {
  const samples = keystrokeSamples(data);
  const latency = samples.map((sample) => sample.latency);
  const processing = samples.map((sample) => sample.processing);
  return {
    count: samples.length,
    fromEventTiming: samples.filter((sample) => sample.fromEventTiming).length,
    medianMs: round(median(latency)),
    p95Ms: round(percentile(latency, 95)),
    processingMedianMs: round(median(processing)),
    processingP95Ms: round(percentile(processing, 95)),
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
  pages: Partial<Record<FormPage, Page>>,
  size: number,
  keystrokes: number,
  errors: Partial<Record<FormPage, string>>,
): Promise<Partial<Record<FormPage, KeystrokeStats & { samples: KeystrokeSample[] }>>> {
  const text = typedText.repeat(Math.ceil(keystrokes / typedText.length)).slice(0, keystrokes);
  const bursts = Math.min(4, keystrokes);
  const perBurst = Math.ceil(keystrokes / bursts);
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
  for (let burst = 0; burst < bursts; burst++) {
    const chunk = text.slice(burst * perBurst, (burst + 1) * perBurst);
    for (const formPage of active) {
      if (errors[formPage] || !chunk) continue;
      await typeBurst(pages[formPage] as Page, chunk).catch((caught: unknown) => fail(formPage, caught));
    }
  }
  const stats: Partial<Record<FormPage, KeystrokeStats & { samples: KeystrokeSample[] }>> = {};
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
    );
  }
  return stats;
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
    for (const size of options.sizes) {
      const usable: Record<FormPage, number[]> = { engine: [], rjsf: [], plain: [] };
      const errors: Partial<Record<FormPage, string>> = {};
      // The first load of each renderer stays open for the keystroke test; the others close at once.
      const typingPages: Partial<Record<FormPage, Page>> = {};
      const contexts: BrowserContext[] = [];
      let keystroke: Awaited<ReturnType<typeof typeInterleaved>> = {};
      try {
        for (let load = 0; load < options.loads; load++) {
          for (const formPage of formPages) {
            if (errors[formPage]) continue;
            const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
            await context.addInitScript(keystrokeProbeScript);
            const page = await context.newPage();
            page.on('request', (request) => {
              if (request.resourceType() === 'script') scripts[formPage].add(new URL(request.url()).pathname);
            });
            const keep = load === 0;
            if (keep) contexts.push(context);
            try {
              usable[formPage].push(await loadUntilUsable(page, `${server.origin}/${formPage}.html?n=${size}`));
              if (keep) typingPages[formPage] = page;
            } catch (caught) {
              errors[formPage] = caught instanceof Error ? caught.message.split('\n')[0] : String(caught);
            } finally {
              if (!keep) await context.close();
            }
          }
        }
        keystroke = await typeInterleaved(typingPages, size, options.keystrokes, errors);
      } finally {
        await Promise.all(contexts.map((context) => context.close()));
      }
      for (const formPage of formPages) {
        const result: FormResult = {
          page: formPage,
          size,
          usableMs: round(median(usable[formPage])),
          usableSamplesMs: usable[formPage].map((ms) => round(ms)),
          keystroke: keystroke[formPage] ?? null,
          ...(errors[formPage] ? { error: errors[formPage] } : {}),
        };
        results.push(result);
        const keys = result.keystroke;
        log(
          `  ${size} properties, ${formPage}: usable ${result.usableMs} ms` +
            (keys ? `, keystroke p50 ${keys.medianMs} / p95 ${keys.p95Ms} ms` : '') +
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
