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
  /** When the `input` event finished bubbling to window: the end of the main-thread work of the keystroke. */
  inputDone?: number;
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
  addEventListener('keydown', (event) => {
    const probe = { t0: event.timeStamp };
    data.probes.push(probe);
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { probe.painted = performance.now(); };
      channel.port2.postMessage(null);
    });
  }, true);
  addEventListener('input', () => {
    const probe = data.probes[data.probes.length - 1];
    if (probe) probe.inputDone = performance.now();
  });
})();`;

export interface KeystrokeSample {
  /** Keystroke to next paint. */
  latency: number;
  /** Main-thread time in the keystroke's event handlers. */
  processing: number;
  fromEventTiming: boolean;
}

/** One sample per keystroke: Event Timing when Chromium reported the keystroke, the probe otherwise. */
export function keystrokeSamples(data: KeystrokeData): KeystrokeSample[] {
  const samples: KeystrokeSample[] = [];
  data.probes.forEach((probe, index) => {
    const next = data.probes[index + 1]?.t0 ?? Number.POSITIVE_INFINITY;
    const entries = data.events.filter((entry) => entry.startTime >= probe.t0 - 0.5 && entry.startTime < next - 0.5);
    const toPaint = entries.filter((entry) => entry.name !== 'keyup');
    const processing = entries.reduce((sum, entry) => sum + (entry.processingEnd - entry.processingStart), 0);
    if (toPaint.length > 0) {
      const end = Math.max(...toPaint.map((entry) => entry.startTime + entry.duration));
      samples.push({ latency: end - probe.t0, processing, fromEventTiming: true });
    } else if (probe.painted !== undefined) {
      samples.push({
        latency: probe.painted - probe.t0,
        processing: processing || (probe.inputDone !== undefined ? Math.max(0, probe.inputDone - probe.t0) : 0),
        fromEventTiming: false,
      });
    }
  });
  return samples;
}
