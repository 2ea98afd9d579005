import { rmSync } from 'node:fs';
import { leakScanDir } from './fixtures/leak-recorder';

/** Playwright globalSetup: the leak scan starts from this run's records only. */
export default function clearLeakRecords() {
  rmSync(leakScanDir(), { recursive: true, force: true });
}
