/** What the page collects while it is typed into; read back with `page.evaluate(() => window.__benchKeys)`. */
export interface EventEntry {
  name: string;
  startTime: number;
  duration: number;
  processingStart: number;
  processingEnd: number;
}

export interface KeyProbe {
  /** keydown `timeStamp`, the same clock and value as its Event Timing entry's `startTime`. */
  t0: number;
  /** After the first frame painted following the keydown (rAF, then a task). */
  painted?: number;
  /** When the first keydown listener (this probe's, registered before any page script) started. */
  handlersStart?: number;
  /** When the `input` event finished bubbling to window: the end of the event handlers of the keystroke. */
  inputDone?: number;
  /** keyup's handlers, first listener to the end of bubbling. */
  keyupMs?: number;
  /** The rendering of the frame after the input: from its rAF to the task posted from there (style, layout, paint). */
  renderMs?: number;
}

export interface KeystrokeData {
  events: EventEntry[];
  probes: KeyProbe[];
}

/**
 * Installed with `addInitScript` before any page script (a plain string, so no transpiler helper can sneak into it).
 * Event Timing (`durationThreshold` 16, the minimum Chromium accepts) gives input-to-next-paint and processing time;
 * a keydown probe gives the same for the keystrokes whose entries fall under the threshold (a fast keystroke produces
 * no entry).
 */
export const keystrokeProbeScript = `(() => {
  const data = { events: [], probes: [] };
  window.__benchKeys = data;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      data.events.push({
        name: entry.name,
        startTime: entry.startTime,
        duration: entry.duration,
        processingStart: entry.processingStart,
        processingEnd: entry.processingEnd,
      });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  const last = () => data.probes[data.probes.length - 1];
  addEventListener('keydown', (event) => {
    const probe = { t0: event.timeStamp, handlersStart: performance.now() };
    data.probes.push(probe);
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { probe.painted = performance.now(); };
      channel.port2.postMessage(null);
    });
  }, true);
  addEventListener('input', () => {
    const probe = last();
    if (!probe) return;
    probe.inputDone = performance.now();
    requestAnimationFrame(() => {
      const frameStart = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { probe.renderMs = performance.now() - frameStart; };
      channel.port2.postMessage(null);
    });
  });
  let keyupStart = 0;
  addEventListener('keyup', () => { keyupStart = performance.now(); }, true);
  addEventListener('keyup', () => {
    const probe = last();
    if (probe && keyupStart) probe.keyupMs = performance.now() - keyupStart;
  });
})();`;

export interface KeystrokeSample {
  /** Keystroke to next paint. */
  latency: number;
  /**
   * Main-thread work of the keystroke: its event handlers (keydown to the end of input, keyup) plus the rendering of
   * the frame that shows it. The waits between them (input queueing, the next vsync) are left out, so unlike the
   * latency this is not quantised by frames.
   */
  processing: number;
  fromEventTiming: boolean;
  /** Which keystroke (its probe's index), so a caller can keep the keystrokes of some bursts only. */
  index: number;
}

function workOf(probe: KeyProbe): number | null {
  if (probe.handlersStart === undefined || probe.inputDone === undefined || probe.renderMs === undefined) return null;
  return Math.max(0, probe.inputDone - probe.handlersStart) + (probe.keyupMs ?? 0) + probe.renderMs;
}

/** One sample per keystroke: Event Timing when Chromium reported the keystroke, the probe otherwise. */
export function keystrokeSamples(data: KeystrokeData): KeystrokeSample[] {
  const samples: KeystrokeSample[] = [];
  data.probes.forEach((probe, index) => {
    const next = data.probes[index + 1]?.t0 ?? Number.POSITIVE_INFINITY;
    const entries = data.events.filter((entry) => entry.startTime >= probe.t0 - 0.5 && entry.startTime < next - 0.5);
    const toPaint = entries.filter((entry) => entry.name !== 'keyup');
    const processing = workOf(probe);
    if (processing === null) return;
    if (toPaint.length > 0) {
      const end = Math.max(...toPaint.map((entry) => entry.startTime + entry.duration));
      samples.push({ latency: end - probe.t0, processing, fromEventTiming: true, index });
    } else if (probe.painted !== undefined) {
      samples.push({ latency: probe.painted - probe.t0, processing, fromEventTiming: false, index });
    }
  });
  return samples;
}
