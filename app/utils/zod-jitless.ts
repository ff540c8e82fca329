import { z } from 'zod'

// Pages run under a Content-Security-Policy without 'unsafe-eval'. Zod's JIT probes for eval
// with `new Function` when an object schema is built, and the browser reports the blocked probe
// as a CSP violation even though Zod catches it. Imported first by the root route, so the setting
// is in place before any module builds a schema.
z.config({ jitless: true })
