import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FullConfig } from '@playwright/test';
import { e2eEnv } from './fixtures/env';
import { leakScanDir, type LeakRecord } from './fixtures/leak-recorder';

/**
 * Playwright globalTeardown: after the whole suite, every routing key and API token used in the run is searched for
 * in the server log, every recorded /api response body, the SQLite files (secrets must be sealed, tokens hashed), the
 * web storages and the final DOM of every page. Any hit fails the run, naming the secret (by its last 4 characters)
 * and where it was found.
 */

interface Haystack {
  where: string;
  text: string;
  /** API tokens may sit in sessionStorage (the tab's session, by design); routing keys never. */
  tokensAllowed?: boolean;
}

const show = (secret: string) => `…${secret.slice(-4)} (${secret.length} chars)`;

export function findLeaks(secrets: { routingKeys: string[]; tokens: string[] }, haystacks: Haystack[]): string[] {
  const hits: string[] = [];
  for (const { where, text, tokensAllowed } of haystacks) {
    for (const key of secrets.routingKeys) if (text.includes(key)) hits.push(`routing key ${show(key)} in ${where}`);
    if (tokensAllowed) continue;
    for (const token of secrets.tokens) if (text.includes(token)) hits.push(`API token ${show(token)} in ${where}`);
  }
  return hits;
}

export default function leakScan(config: FullConfig) {
  const dir = leakScanDir();
  const records: LeakRecord[] = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as LeakRecord)
    : [];
  // Short strings (a malformed key such as "abc") would match innocently; real keys are 32 characters.
  const routingKeys = [...new Set(records.flatMap((r) => r.routingKeys))].filter((k) => k.length >= 20);
  const tokens = Object.values(e2eEnv.tokens);

  const haystacks: Haystack[] = [];
  for (const record of records) {
    for (const response of record.responses) {
      haystacks.push({
        where: `the response to ${response.url} (${response.status}) in "${record.test}"`,
        text: response.body,
      });
    }
    for (const page of record.pages) {
      haystacks.push({ where: `the final DOM of ${page.url} in "${record.test}"`, text: page.html });
      haystacks.push({ where: `localStorage of ${page.url} in "${record.test}"`, text: page.localStorage });
      haystacks.push({ where: `IndexedDB of ${page.url} in "${record.test}"`, text: page.indexedDb });
      haystacks.push({
        where: `sessionStorage of ${page.url} in "${record.test}"`,
        text: page.sessionStorage,
        tokensAllowed: true,
      });
    }
  }

  // With several web servers Playwright keeps none in `config.webServer`: the config also exports the path.
  const logFile = config.webServer?.env?.LOG_FILE ?? process.env.E2E_SERVER_LOG_FILE;
  const files: string[] = [];
  if (logFile && existsSync(logFile)) {
    files.push(logFile);
    const dataDir = dirname(logFile);
    for (const name of ['qualytics.db', 'qualytics.db-wal', 'qualytics.db-shm']) {
      if (existsSync(join(dataDir, name))) files.push(join(dataDir, name));
    }
  }
  for (const file of files) {
    // latin1 keeps every byte, so an ASCII secret stored raw anywhere in a binary file is found.
    const text = readFileSync(file, file.endsWith('.log') ? 'utf8' : 'latin1');
    if (file.endsWith('.log')) {
      text.split('\n').forEach((line, i) => haystacks.push({ where: `${file} line ${i + 1}`, text: line }));
    } else {
      haystacks.push({ where: file, text });
    }
  }

  const hits = findLeaks({ routingKeys, tokens }, haystacks);
  console.log(
    `[leak scan] ${routingKeys.length} routing keys and ${tokens.length} API tokens searched in ${haystacks.length} ` +
      `places (${records.length} tests, ${files.length} server files): ${hits.length} hits`,
  );
  if (!logFile || !existsSync(logFile)) throw new Error('Leak scan: the server log (LOG_FILE) was not found.');
  if (hits.length) throw new Error(`Leak scan found secrets:\n${hits.map((h) => `  - ${h}`).join('\n')}`);
}
