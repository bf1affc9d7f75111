import { z } from "zod";

// Runs in the browser before the app's code (Next.js instrumentation-client). Zod
// probes `new Function("")` when it builds an object schema, to compile a faster
// parser; under the Content-Security-Policy (no 'unsafe-eval', lib/security-headers.ts)
// the browser reports that caught probe as a violation. jitless skips the probe.
z.config({ jitless: true });
