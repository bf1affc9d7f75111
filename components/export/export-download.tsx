"use client";

import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EXPORT_ROWS_HEADER } from "@/lib/export/format";

type State =
  | { kind: "idle" }
  | { kind: "running"; bytes: number; rows: number | null }
  | { kind: "done"; bytes: number; rows: number | null; fileName: string }
  | { kind: "error"; message: string };

const size = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const count = (rows: number | null) => (rows === null ? "all" : rows.toLocaleString("en"));

/**
 * The owner's download of the whole workspace (GET /api/w/[slug]/export). Read with
 * fetch and a stream reader, not a plain link, so that a large workspace shows its
 * progress (bytes received of an archive of about N rows, the route's X-Export-Rows)
 * and a refusal or a failure midway shows as a message instead of a broken file.
 */
export function ExportDownload({ slug }: { slug: string }) {
  const [state, setState] = useState<State>({ kind: "idle" });
  const abort = useRef<AbortController | null>(null);

  async function download() {
    const controller = new AbortController();
    abort.current = controller;
    setState({ kind: "running", bytes: 0, rows: null });
    try {
      const response = await fetch(`/api/w/${slug}/export`, { signal: controller.signal });
      if (!response.ok || !response.body) {
        const refusal = (await response.json().catch(() => null)) as { message?: string } | null;
        setState({
          kind: "error",
          message: refusal?.message ?? "The export could not start. Try again.",
        });
        return;
      }
      const header = Number(response.headers.get(EXPORT_ROWS_HEADER));
      const rows = Number.isFinite(header) && header > 0 ? header : null;
      const fileName =
        /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ??
        `${slug}-export.zip`;
      const reader = response.body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.byteLength;
        setState({ kind: "running", bytes, rows });
      }
      const url = URL.createObjectURL(new Blob(chunks, { type: "application/zip" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({ kind: "done", bytes, rows, fileName });
    } catch {
      setState(
        controller.signal.aborted
          ? { kind: "idle" }
          : {
              kind: "error",
              message: "The export stopped before it was complete. Nothing was saved; try again.",
            },
      );
    } finally {
      abort.current = null;
    }
  }

  return (
    <div className="space-y-3" data-testid="export-download">
      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant="secondary"
          onClick={download}
          disabled={state.kind === "running"}
          aria-describedby="export-status"
        >
          {state.kind === "running" ? "Exporting…" : "Export workspace data"}
        </Button>
        {state.kind === "running" && (
          <Button variant="ghost" onClick={() => abort.current?.abort()}>
            Cancel
          </Button>
        )}
      </div>
      <div id="export-status" aria-live="polite">
        {state.kind === "running" && (
          <div className="space-y-1">
            <progress className="h-2 w-full max-w-sm" aria-label="Export progress" />
            <p className="text-sm text-zinc-600">
              Exporting {count(state.rows)} rows… {size(state.bytes)} received.
            </p>
          </div>
        )}
        {state.kind === "done" && (
          <Alert tone="success">
            Saved {state.fileName}: {count(state.rows)} rows, {size(state.bytes)}.
          </Alert>
        )}
        {state.kind === "error" && <Alert tone="error">{state.message}</Alert>}
      </div>
    </div>
  );
}
