/**
 * The id in an address (`/flows/12`), or null: plain digits only, so "1e3", "0x10", " 12" or "12.0" are not an
 * id, and no more digits than a safe integer holds.
 */
export function parseId(raw: string | undefined): number | null {
  return raw && /^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : null;
}
