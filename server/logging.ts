/**
 * Log fields that may hold a credential. Bodies are never logged; these catch any object that
 * reaches a log call by mistake, one and two levels deep.
 */
export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'authorization',
  'api_access_token',
  'routing_key',
  'token',
  'tokens',
  '*.api_access_token',
  '*.routing_key',
  '*.token',
  '*.tokens',
  '*.*.api_access_token',
  '*.*.routing_key',
];
