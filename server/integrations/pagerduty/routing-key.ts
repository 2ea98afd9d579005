/** PagerDuty's own format rule for routing keys, with its own wording (quoted from the real service). */
export function routingKeyErrors(key: unknown): string[] {
  if (typeof key !== 'string' || key.trim() === '') return ["'routing_key' is missing or blank"];
  if (key.length !== 32) return ["Length of 'routing_key' is incorrect (should be 32 characters)"];
  if (!/^[A-Za-z0-9]+$/.test(key)) return ["'routing_key' cannot contain non-alphanumeric characters."];
  return [];
}
