/**
 * Supabase Lite (0.10) logs every database error a request runs into with
 * `console.error(error)` before it answers the client with the coded error: a ~30-line
 * dump with a PGlite/WebAssembly stack (~16 lines on postgres.js). It has no option to
 * turn that off. Most of those errors are the database doing its job: RLS refusing an
 * attack, `raise ... using errcode` in an RPC (`last_owner`, `slug_taken`), a unique
 * violation the app turns into a form message. The client gets them in full either
 * way; the terminal does not need their stack.
 *
 * So the stack process filters that one call, by SQLSTATE, in this one place:
 * deliberate refusals print one line (dev) or nothing (tests); every other error,
 * and anything that is not a database error, still prints in full.
 */

/** SQLSTATEs that mean "refused, as designed" rather than "something broke". */
const DELIBERATE_REFUSAL = [
  /^22...$/, // data exception: a value the client sent is not valid (22023 from our RPCs, 22P02 a bad uuid)
  /^23...$/, // integrity constraint violation: unique (23505), foreign key, check, not null
  /^42501$/, // insufficient privilege: a grant or an RLS policy said no
  /^428C9$/, // a value for a column that only the database may set (generated always)
  /^P0001$/, // plain `raise exception` in a function
  /^PT\d{3}$/, // PostgREST's HTTP-status codes raised by our RPCs (PT404, PT409)
  /^PGRST$/, // PostgREST's JSON-payload raise
];

export type RefusalLogging = "line" | "silent";

interface DatabaseError {
  code: string;
  message: string;
  severity: string;
}

function isDatabaseError(value: unknown): value is DatabaseError {
  if (typeof value !== "object" || value === null) return false;
  const { code, message, severity } = value as Partial<DatabaseError>;
  // Both PGlite's and postgres.js's errors carry the server's severity and SQLSTATE.
  return typeof code === "string" && typeof message === "string" && typeof severity === "string";
}

export function isDeliberateRefusal(value: unknown): value is DatabaseError {
  return isDatabaseError(value) && DELIBERATE_REFUSAL.some((code) => code.test(value.code));
}

let installed = false;

/** Applies to this process's `console.error`; call once, before the stack serves requests. */
export function logDeliberateRefusals(mode: RefusalLogging): void {
  if (installed) return;
  installed = true;
  const printInFull = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    // `console.error(error)` from the API, `console.error("Auth error:", error)` from
    // auth (a trigger on auth.users refusing a name, say): the error, and at most a label.
    const error = args.at(-1);
    const labels = args.slice(0, -1);
    if (
      labels.length > 1 ||
      labels.some((label) => typeof label !== "string") ||
      !isDeliberateRefusal(error)
    )
      return printInFull(...args);
    if (mode === "line") printInFull(`supabase: refused ${error.code}: ${error.message}`);
  };
}
