// Loaded before the app (index.html). Zod compiles fast parsers with `new Function` unless told not to; this app's
// Content-Security-Policy (script-src 'self') forbids eval, and even zod's guarded probe is reported as a violation.
// Zod reads this object when it loads, so the setting must exist before any app code runs.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
