/**
 * `npm run dev`: the whole app on this machine. Starts the embedded Supabase
 * stack (migrated, seeded when new), then `next dev`. Ctrl-C stops both.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { LOCAL_APP_PORT, projectRoot } from "./lib/local-env";
import { devPorts, startDevStack, stopOnSignal } from "./db";

async function main() {
  console.log("tenantkit: starting the local Supabase stack…");
  // The stack has logged why; stop next dev too, so the terminal shows the end of the
  // run rather than an app that answers every page with an error.
  let stopAll = async () => {};
  const stack = await startDevStack(devPorts, () => {
    void stopAll().finally(() => process.exit(1));
  });
  console.log(`  ✓ Supabase API on ${stack.url}`);

  const nextBin = path.join(projectRoot, "node_modules/next/dist/bin/next");
  const next = spawn(process.execPath, [nextBin, "dev", "--port", String(LOCAL_APP_PORT)], {
    cwd: projectRoot,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  console.log(
    `\n  App        http://localhost:${LOCAL_APP_PORT}\n` +
      `  Mail inbox ${stack.mail.webUrl} (every email the app and auth send)\n` +
      "  Sign in as alice@acme.test, bob@globex.test or carol@example.test (password: demo-password)\n" +
      "  Ctrl-C stops everything.\n",
  );

  stopAll = async () => {
    if (next.exitCode === null) {
      const exited = new Promise((resolve) => next.once("exit", resolve));
      next.kill("SIGINT");
      await exited;
    }
    await stack.stop();
  };
  stopOnSignal(stopAll);
  next.on("exit", (code) => {
    // next dev died on its own (e.g. port 3000 taken): stop the stack too.
    if (code !== null && code !== 0) {
      console.error(`next dev exited with code ${code}.`);
      void stack.stop().then(() => process.exit(code));
    }
  });
}

main().catch((error: unknown) => {
  console.error(`tenantkit: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
