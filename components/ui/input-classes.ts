/** The look of every text input and select. */
export const inputClasses =
  "block h-10 w-full rounded-md border border-zinc-300 bg-white px-3 text-sm text-zinc-900 shadow-xs placeholder:text-zinc-400 focus:border-zinc-900 focus:outline-2 focus:outline-zinc-900/10 aria-invalid:border-red-500";
