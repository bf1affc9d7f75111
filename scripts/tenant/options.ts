/** `--name value` options of a command line, with mistakes as UsageErrors (exit 2). */
import { parseArgs } from "node:util";
import { UsageError } from "./context";

export function parseOptions<const Names extends string>(
  args: string[],
  names: readonly Names[],
): Partial<Record<Names, string>> {
  try {
    const { values } = parseArgs({
      args,
      options: Object.fromEntries(names.map((name) => [name, { type: "string" as const }])),
      strict: true,
      allowPositionals: false,
    });
    const options: Partial<Record<Names, string>> = {};
    for (const name of names) {
      const value = values[name];
      if (typeof value === "string") options[name] = value;
    }
    return options;
  } catch (error) {
    // parseArgs' messages name the option ("Unknown option '--x'"); keep them, drop its advice.
    throw new UsageError(error instanceof Error ? error.message.split(". ")[0]! : String(error));
  }
}
