import type { SpecProperty } from '../../../src/api/contract';
import { generateSpec } from './generate-spec';

declare global {
  interface Window {
    /** Set once every required field is in the DOM and a frame with them has been painted. */
    __benchUsableAt?: number;
    __benchSpecSize?: number;
  }
}

/** The spec size comes from `?n=`; the page is loaded fresh for every measurement. */
export function pageSpec(): SpecProperty[] {
  const count = Number(new URLSearchParams(location.search).get('n') ?? '50');
  window.__benchSpecSize = count;
  return generateSpec(Number.isInteger(count) && count > 0 ? count : 50);
}

function afterNextPaint(callback: () => void) {
  // rAF runs just before the frame is produced; a task posted from it runs after that frame has been painted.
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = callback;
    channel.port2.postMessage(null);
  });
}

/**
 * Marks `form-usable` after the first paint that contains an element for each required field. Watching the DOM
 * rather than a component effect measures every renderer the same way, whatever it does after mounting.
 */
export function markUsableWhenPresent(spec: readonly SpecProperty[], idOf: (field: string) => string) {
  const ids = spec.filter((property) => property.required).map((property) => idOf(property.field));
  const ready = () => ids.every((id) => document.getElementById(id) !== null);
  const finish = () =>
    afterNextPaint(() => {
      performance.mark('form-usable');
      window.__benchUsableAt = performance.now();
    });
  if (ready()) {
    finish();
    return;
  }
  const observer = new MutationObserver(() => {
    if (!ready()) return;
    observer.disconnect();
    finish();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}
