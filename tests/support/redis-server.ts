/**
 * A throwaway redis-server (Debian's `redis-server`) for a test file or a bench: no
 * persistence, on a free port. Other suites may start their own at the same time, so
 * a server that could not bind its port is noticed (it exits) and another port tried,
 * rather than talking to someone else's server.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { connect, createServer } from "node:net";

export const redisServerInstalled = () => spawnSync("redis-server", ["--version"]).status === 0;

export interface RedisServer {
  port: number;
  url: string;
  stop(): Promise<void>;
}

/** Starts a server on `port`, or on a free port when none is given. */
export async function startRedisServer(port?: number): Promise<RedisServer> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const chosen = port ?? (await freePort());
    const child = spawn(
      "redis-server",
      ["--port", String(chosen), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: "ignore" },
    );
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    if (await listening(child, chosen))
      return {
        port: chosen,
        url: `redis://127.0.0.1:${chosen}`,
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
          await exited;
        },
      };
    if (port !== undefined) break;
  }
  throw new Error(`redis-server did not start${port ? ` on port ${port}` : ""}`);
}

/** Whether `child` listens on `port`: false once it has exited (the port was taken). */
async function listening(child: ChildProcess, port: number): Promise<boolean> {
  for (let tries = 0; tries < 100; tries++) {
    if (child.exitCode !== null) return false;
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => resolve(socket.end() && true));
      socket.once("error", () => resolve(false));
    });
    // Give a server that lost the race for the port the moment to exit.
    if (open) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      return child.exitCode === null;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
