import type { MessageToken } from '../../api/contract';

/** `{{ name }}`: spaces inside the braces are optional, as in the platform's templates. */
const tokenPattern = /\{\{\s*([^{}\s]*)\s*\}\}/g;

export interface TokenUse {
  name: string;
  /** Offsets in the message of the whole `{{ … }}`. */
  start: number;
  end: number;
}

export function findTokens(message: string): TokenUse[] {
  return [...message.matchAll(tokenPattern)].map((m) => ({
    name: m[1] ?? '',
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** Names used in the message that the trigger does not offer, once each, in order of appearance. */
export function unknownTokens(message: string, tokens: readonly MessageToken[]): string[] {
  const known = new Set(tokens.map((t) => t.name));
  const unknown = findTokens(message)
    .map((t) => t.name)
    .filter((name) => !known.has(name));
  return [...new Set(unknown)];
}

/** Fills known tokens with their sample values; unknown ones stay as typed, so the preview shows them. */
export function renderMessage(message: string, tokens: readonly MessageToken[]): string {
  const samples = new Map(tokens.map((t) => [t.name, t.sample]));
  return message.replace(tokenPattern, (whole, name: string) => samples.get(name) ?? whole);
}

/** PagerDuty shows the summary as a one-line incident title. */
export function toSummaryLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/**
 * The token being typed at the caret, if any: `{{` opened and not yet closed before the caret.
 * Returns where its `{{` starts and the partial name typed so far.
 */
export function tokenAtCaret(message: string, caret: number): { start: number; query: string } | null {
  const before = message.slice(0, caret);
  const open = before.lastIndexOf('{{');
  if (open < 0) return null;
  const inside = before.slice(open + 2);
  if (inside.includes('}}') || inside.includes('{')) return null;
  const query = inside.trimStart();
  if (/\s/.test(query)) return null;
  return { start: open, query };
}

/** Replaces the partial token at the caret with a complete `{{ name }}`; returns the new text and caret. */
export function insertToken(message: string, caret: number, name: string): { value: string; caret: number } {
  const at = tokenAtCaret(message, caret);
  const start = at ? at.start : caret;
  let end = caret;
  // Swallow an already-typed closing `}}` (and its spaces) so we never leave `}} }}`.
  const rest = message.slice(caret).match(/^[^\s{}]*\s*\}\}/);
  if (at && rest) end = caret + rest[0].length;
  const insert = `{{ ${name} }}`;
  return { value: message.slice(0, start) + insert + message.slice(end), caret: start + insert.length };
}
