/**
 * The shape limits the local stack puts in front of Supabase Lite, which has none of
 * its own (docs/security.md, "Abuse by request shape"). Hosted Supabase bounds the
 * same requests with its gateway's body limit, PostgREST's `max_rows` and the API
 * roles' `statement_timeout`; on PGlite a statement timeout does nothing (no timer
 * signals in WebAssembly) and one query blocks the whole process, so here the shape
 * of the request is the only bound there is.
 */

/** Largest request body the stack reads (hosted Supabase's gateway allows a few MB). */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Most rows one bulk write may carry. PGlite (0.4) reads the parameter count of a
 * statement as a signed 16-bit number: a statement with 32,768 bind parameters or more
 * wedges its protocol parser, and every later query of the process answers with no
 * rows and no error (docs/upstream/supabase-lite.md). Lite binds one parameter per
 * column of every row, so rows × columns must stay far below that.
 */
export const MAX_ROWS_PER_WRITE = 1000;
/** rows × distinct columns of one bulk write: a margin below PGlite's 32,767. */
export const MAX_VALUES_PER_WRITE = 20_000;

/**
 * Deepest embed in a `select` (`a(b(c))` is 3). Every level can return up to
 * `max_rows` rows per parent row, and an embed that returns to a table it came from
 * (`projects → organizations → projects`) squares the caller's own data. The app embeds
 * one level deep; two leaves room, and a cycle is refused at any depth.
 */
export const MAX_EMBED_DEPTH = 2;

export interface BoundsRefusal {
  status: 400 | 413;
  code: string;
  message: string;
  hint: string;
}

/** A PostgREST-shaped error, so supabase-js surfaces code and message as usual. */
export function refusalResponse(refusal: BoundsRefusal): Response {
  return Response.json(
    { code: refusal.code, message: refusal.message, details: null, hint: refusal.hint },
    { status: refusal.status },
  );
}

const tooLarge = (message: string, hint: string): BoundsRefusal => ({
  status: 413,
  code: "request_too_large",
  message,
  hint,
});

/**
 * Reads at most `limit` bytes of a body; null when it is longer. Chunked bodies have no
 * Content-Length, so the header alone does not bound them.
 */
async function readBounded(
  request: Request,
  limit: number,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return null;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** Refusal for a bulk write too large for the engine, or null. */
export function checkBulkWrite(body: unknown): BoundsRefusal | null {
  if (!Array.isArray(body)) return null;
  if (body.length > MAX_ROWS_PER_WRITE) {
    return tooLarge(
      `A bulk write may carry at most ${MAX_ROWS_PER_WRITE} rows; this one has ${body.length}.`,
      "Send the rows in smaller batches.",
    );
  }
  const columns = new Set<string>();
  for (const row of body) {
    if (row && typeof row === "object") for (const key of Object.keys(row)) columns.add(key);
  }
  if (body.length * columns.size > MAX_VALUES_PER_WRITE) {
    return tooLarge(
      `A bulk write may carry at most ${MAX_VALUES_PER_WRITE} values (rows × columns); this one has ${body.length * columns.size}.`,
      "Send the rows in smaller batches.",
    );
  }
  return null;
}

/**
 * The embed paths of a PostgREST `select`: for every embed, the relations from the
 * root down to it. `alias:relation!hint(...)` and `...relation(...)` name `relation`.
 * Aggregates (`amount.sum()`) are parentheses too; they have no relation name and
 * count as a level, which costs nothing.
 */
export function embedPaths(select: string): string[][] {
  const paths: string[][] = [];
  const stack: string[] = [];
  let token = "";
  let quoted = false;
  for (const char of select) {
    if (char === '"') {
      quoted = !quoted;
      token += char;
    } else if (quoted) {
      token += char;
    } else if (char === "(") {
      stack.push(relationName(token));
      paths.push([...stack]);
      token = "";
    } else if (char === ")") {
      stack.pop();
      token = "";
    } else if (char === ",") {
      token = "";
    } else {
      token += char;
    }
  }
  return paths;
}

function relationName(token: string): string {
  let name = token.trim().replace(/^\.\.\./, "");
  const alias = name.indexOf(":");
  if (alias !== -1 && name[alias + 1] !== ":") name = name.slice(alias + 1);
  name = name.split("!")[0]!.trim();
  return name.replace(/^"|"$/g, "").toLowerCase();
}

/** Refusal for a `select` that could multiply rows without bound, or null. */
export function checkSelect(root: string, select: string): BoundsRefusal | null {
  const paths = embedPaths(select);
  const depth = Math.max(0, ...paths.map((path) => path.length));
  if (depth > MAX_EMBED_DEPTH) {
    return {
      status: 400,
      code: "embed_too_deep",
      message: `Embeds may nest at most ${MAX_EMBED_DEPTH} levels deep; this select nests ${depth}.`,
      hint: "Read the deeper rows with a separate request.",
    };
  }
  for (const path of paths) {
    const relations = [root.toLowerCase(), ...path].filter(Boolean);
    if (new Set(relations).size !== relations.length) {
      return {
        status: 400,
        code: "embed_cycle",
        message: `An embed may not return to a table it came from (${relations.join(" → ")}).`,
        hint: "Read those rows with a separate request.",
      };
    }
  }
  return null;
}

/**
 * Checks one request against the bounds. Returns either a refusal to answer with, or
 * the request to pass on (rebuilt when its body had to be read).
 */
export async function boundRequest(
  request: Request,
): Promise<{ refusal: BoundsRefusal } | { request: Request }> {
  const url = new URL(request.url);
  const rest = /^\/rest\/v1\/(?:rpc\/)?([^/]+)$/.exec(url.pathname);
  if (rest) {
    for (const select of url.searchParams.getAll("select")) {
      const refusal = checkSelect(decodeURIComponent(rest[1]!), select);
      if (refusal) return { refusal };
    }
  }
  if (request.method === "GET" || request.method === "HEAD") return { request };

  const body = await readBounded(request, MAX_BODY_BYTES);
  if (body === null) {
    return {
      refusal: tooLarge(
        `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`,
        "Send the data in smaller requests.",
      ),
    };
  }
  // A fresh Request: one built on the original would reuse its body stream, which is
  // read already, even when the body was empty (a DELETE).
  const passOn = new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: body.byteLength > 0 ? body : undefined,
    signal: request.signal,
  });
  if (rest && (request.headers.get("content-type") ?? "").includes("json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder().decode(body));
    } catch {
      return { request: passOn }; // Lite answers a malformed body itself
    }
    const refusal = checkBulkWrite(parsed);
    if (refusal) return { refusal };
  }
  return { request: passOn };
}
