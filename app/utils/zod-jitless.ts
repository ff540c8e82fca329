import { z } from 'zod'

// Pages run under a Content-Security-Policy without 'unsafe-eval'. Zod's JIT probes for eval
// with `new Function` when an object schema is built, and the browser reports the blocked probe
// as a CSP violation even though Zod catches it. Browser code builds no schemas (the server checks
// everything pages send; tests/e2e/client-bundle.spec.ts keeps zod out of the client build); the
// server entry imports this first, so the server builds its schemas the same way as before.
z.config({ jitless: true })
