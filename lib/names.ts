/**
 * Names people read (display names, workspace names) must not hide or reorder text:
 * control characters (C0, DEL, C1), zero-width characters and joiners, line
 * separators, and bidi embeddings, overrides and isolates. The same class as
 * private.is_plain_name() in supabase/migrations/20261123000400_teams.sql, which
 * refuses them in the database (invalid_name); here, so a form says so first.
 */
const UNPLAIN =
  /[\u0001-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;

export const isPlainName = (name: string) => !UNPLAIN.test(name);

export const UNPLAIN_NAME_MESSAGE =
  "Use letters, digits, spaces and punctuation only (no invisible or text-direction characters).";
