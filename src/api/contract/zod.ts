// The one place src/ imports zod from. The contract and the client use `zod/mini`: its functional API ships only
// what is used, where classic zod carries every method on every schema (about 25 KB gzip on every page). Mini has
// no default locale, so zod's own messages read "Invalid input": every message a user sees here is written out, and
// the server loads zod's English messages for its 422 answers (server/http/zod-messages.ts).
//
// zod 4 probes `new Function('')` once to compile fast object parsers; the server's CSP (`script-src 'self'`) blocks
// that and the browser reports a violation. The flag is read when a schema is built, so it must be set before any
// schema module runs: every schema imports `z` from here, which guarantees this module is evaluated first. In the
// built SPA a chunk may still reach zod before this runs, so index.html also sets zod's global config in an inline
// script before any app script loads.
import { z } from 'zod/mini';

z.config({ jitless: true });

export { z };
