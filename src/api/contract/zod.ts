// The one place src/ imports zod from. zod 4 probes `new Function('')` once to compile fast object
// parsers; the server's CSP (`script-src 'self'`) blocks that and the browser reports a violation.
// The flag is read when a schema is built, so it must be set before any schema module runs: every
// schema imports `z` from here, which guarantees this module is evaluated first. In the built SPA
// a chunk may still reach zod before this runs, so index.html also sets zod's global config from
// public/zod-jitless.js before any app script loads.
// eslint-disable-next-line no-restricted-imports
import { z } from 'zod';

z.config({ jitless: true });

export { z };
