import type { Browser, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, in µs: what the thread did, not how long the OS let it wait. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { type?: string } };
}

const categories = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'];
const isTask = (event: TraceEvent) =>
  event.ph === 'X' && (event.name === 'ThreadControllerImpl::RunTask' || event.name === 'RunTask');

/** The tasks not nested in another (a RunTask inside ThreadControllerImpl::RunTask would count twice). */
function outermost(tasks: TraceEvent[]): TraceEvent[] {
  const sorted = [...tasks].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const kept: TraceEvent[] = [];
  let end = Number.NEGATIVE_INFINITY;
  for (const task of sorted) {
    if (task.ts < end) continue;
    kept.push(task);
    end = task.ts + (task.dur ?? 0);
  }
  return kept;
}

/**
 * Main-thread CPU time per keystroke, from a Chromium trace: every task the renderer's main thread ran from the task
 * that dispatched a keydown until the task that dispatched the next one (the last keystroke gets `tailMs`), summed as
 * thread time (`tdur`). Handlers, React's work, style, layout and paint all count; time the thread spent descheduled
 * on a busy machine does not, which is what makes this figure comparable between runs on a shared machine.
 */
export function keystrokeWorkFromTrace(trace: { traceEvents?: TraceEvent[] } | TraceEvent[], tailMs: number): number[] {
  const events = Array.isArray(trace) ? trace : (trace.traceEvents ?? []);
  const keydowns = events
    .filter((event) => event.name === 'EventDispatch' && event.args?.data?.type === 'keydown')
    .sort((a, b) => a.ts - b.ts);
  const first = keydowns[0];
  if (!first) return [];
  const tasks = outermost(
    events.filter((event) => isTask(event) && event.pid === first.pid && event.tid === first.tid),
  );
  // Each keystroke starts with the task that holds its keydown.
  const starts = keydowns.map((keydown) => {
    const holder = tasks.findLast((task) => task.ts <= keydown.ts && task.ts + (task.dur ?? 0) >= keydown.ts);
    return holder?.ts ?? keydown.ts;
  });
  return starts.map((start, index) => {
    const end = starts[index + 1] ?? start + tailMs * 1000;
    const cpu = tasks
      .filter((task) => task.ts >= start && task.ts < end)
      .reduce((sum, task) => sum + (task.tdur ?? task.dur ?? 0), 0);
    return cpu / 1000;
  });
}

/** Runs `typing` with the browser tracing the page, and returns the main-thread CPU ms of each keystroke. */
export async function tracedKeystrokes(
  browser: Browser,
  page: Page,
  tailMs: number,
  typing: () => Promise<void>,
): Promise<number[]> {
  await browser.startTracing(page, { categories, screenshots: false });
  let failure: unknown = null;
  try {
    await typing();
  } catch (caught) {
    failure = caught;
  }
  // Stopped whatever happened, so that the next burst can trace.
  const buffer = await browser.stopTracing();
  if (failure) throw failure;
  return buffer.byteLength ? keystrokeWorkFromTrace(JSON.parse(buffer.toString('utf8')), tailMs) : [];
}
