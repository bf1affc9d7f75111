export function Logo() {
  return (
    <span className="inline-flex items-center gap-2 text-lg font-semibold tracking-tight text-zinc-900">
      <span
        className="grid size-7 place-items-center rounded-md bg-zinc-900 text-sm text-white"
        aria-hidden
      >
        t
      </span>
      tenantkit
    </span>
  );
}
