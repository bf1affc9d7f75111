"use client";

import { Button } from "@/components/ui/button";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main
      id="main"
      className="flex min-h-dvh flex-col items-center justify-center gap-4 px-4 text-center"
    >
      <h1 className="text-2xl font-semibold text-zinc-900">Something went wrong</h1>
      <p className="max-w-md text-sm text-zinc-600">
        The page could not be loaded. Try again; if it keeps failing, the error reference is{" "}
        <code>{error.digest ?? "unavailable"}</code>.
      </p>
      <Button onClick={reset}>Try again</Button>
    </main>
  );
}
