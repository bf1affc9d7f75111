import type { TestStackInfo } from "./test-stack";

/**
 * Superuser SQL against the test stack, for arranging states the public API cannot
 * reach (an expired invitation, a deleted account). Never used to assert access:
 * assertions go through the HTTP API as real users.
 */
export async function runSql<Row = Record<string, unknown>>(
  stack: TestStackInfo,
  sql: string,
): Promise<Row[]> {
  const response = await fetch(`${stack.url}/_test/sql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-test-secret": stack.testSqlSecret },
    body: JSON.stringify({ sql }),
  });
  const body = (await response.json()) as { rows?: Row[]; error?: string };
  if (!response.ok) throw new Error(`SQL failed: ${body.error}`);
  const rows = body.rows ?? [];
  // postgres.js answers a multi-statement string with one array per statement
  // (PGlite with the last one): keep the last statement's rows on both engines.
  if (rows.length > 0 && rows.every((row) => Array.isArray(row))) return rows.at(-1) as Row[];
  return rows;
}

/** Quotes a value as a SQL string literal. */
export const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;
