/**
 * The local mail catcher (MailDev): an SMTP server that delivers nothing and a web
 * inbox to read what was sent. The local auth server and the app both send through
 * it, so every email a developer or a test triggers lands in one inbox, the way
 * the Supabase CLI ships a local inbox.
 */
import {
  createServer as createHttpServer,
  request as httpRequest,
  type IncomingMessage,
} from "node:http";
import { connect, createServer } from "node:net";
import { MailDev } from "maildev";

export interface MailCatcher {
  smtpPort: number;
  /** The web inbox (a browser page) and its REST API under /api. */
  webUrl: string;
  stop(): Promise<void>;
}

/** A port nobody listens on right now (MailDev cannot report an ephemeral port itself). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startMailCatcher(
  ports: { smtp: number; web: number },
  /** The app's origin (NEXT_PUBLIC_SITE_URL): the one web page besides the inbox that may read it. */
  appOrigin: string,
): Promise<MailCatcher> {
  const smtpPort = ports.smtp || (await freePort());
  const webPort = ports.web || (await freePort());
  // MailDev itself listens on a private port; the inbox's port is the guard below.
  const maildevPort = await freePort();
  const maildev = new MailDev({
    smtp: smtpPort,
    web: maildevPort,
    ip: "127.0.0.1",
    webIp: "127.0.0.1",
    silent: true,
    maxEmails: 500,
  });
  const log = console.info;
  console.info = () => {}; // MailDev announces itself even when silent
  try {
    await maildev.start();
  } finally {
    console.info = log;
  }
  const guard = await startInboxGuard(webPort, maildevPort, appOrigin);
  return {
    smtpPort,
    webUrl: `http://127.0.0.1:${webPort}`,
    async stop() {
      await new Promise<void>((resolve) => guard.close(() => resolve()));
      await maildev.stop();
    },
  };
}

/**
 * MailDev's API answers every Origin with `Access-Control-Allow-Origin: <that origin>`
 * and credentials, and has no option to change it: any web page the developer opens
 * could read the local inbox (sign-in links, invitation tokens). A page can also reach
 * it through a DNS name that resolves to 127.0.0.1 (DNS rebinding), which no CORS
 * header stops. So the inbox is served through this guard, which lets through:
 * requests whose Host is this machine by its local names, and whose Origin, when a
 * browser sends one, is the inbox itself or the app. Tools (curl, the tests' fetch)
 * send no Origin and pass.
 */
function startInboxGuard(port: number, maildevPort: number, appOrigin: string) {
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const origins = new Set([
    `http://127.0.0.1:${port}`,
    `http://localhost:${port}`,
    new URL(appOrigin).origin,
  ]);
  const allowed = (request: IncomingMessage) => {
    const origin = request.headers.origin;
    return hosts.has(request.headers.host ?? "") && (origin === undefined || origins.has(origin));
  };

  const server = createHttpServer((request, response) => {
    if (!allowed(request)) {
      response.writeHead(403, { "content-type": "application/json" });
      response.end(
        JSON.stringify({ error: "The local inbox answers only this machine's tools and the app." }),
      );
      return;
    }
    const upstream = httpRequest(
      {
        host: "127.0.0.1",
        port: maildevPort,
        method: request.method,
        path: request.url,
        headers: { ...request.headers, host: `127.0.0.1:${maildevPort}` },
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on("error", () => {
      response.writeHead(502);
      response.end();
    });
    request.pipe(upstream);
  });
  // The inbox page updates live over a WebSocket: the same check, then a plain pipe.
  server.on("upgrade", (request, socket, head) => {
    if (!allowed(request)) {
      socket.end("HTTP/1.1 403 Forbidden\r\n\r\n");
      return;
    }
    const upstream = connect(maildevPort, "127.0.0.1", () => {
      const lines = [`${request.method} ${request.url} HTTP/1.1`];
      for (let i = 0; i < request.rawHeaders.length; i += 2) {
        lines.push(`${request.rawHeaders[i]}: ${request.rawHeaders[i + 1]}`);
      }
      upstream.write(lines.join("\r\n") + "\r\n\r\n");
      upstream.write(head);
      upstream.pipe(socket).pipe(upstream);
    });
    upstream.on("error", () => socket.destroy());
    socket.on("error", () => upstream.destroy());
  });
  return new Promise<ReturnType<typeof createHttpServer>>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}
