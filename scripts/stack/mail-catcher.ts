/**
 * The local mail catcher (MailDev): an SMTP server that delivers nothing and a web
 * inbox to read what was sent. The local auth server and the app both send through
 * it, so every email a developer or a test triggers lands in one inbox, the way
 * the Supabase CLI ships a local inbox.
 */
import { createServer } from "node:net";
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

export async function startMailCatcher(ports: { smtp: number; web: number }): Promise<MailCatcher> {
  const smtpPort = ports.smtp || (await freePort());
  const webPort = ports.web || (await freePort());
  const maildev = new MailDev({
    smtp: smtpPort,
    web: webPort,
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
  return {
    smtpPort,
    webUrl: `http://127.0.0.1:${webPort}`,
    stop: () => maildev.stop(),
  };
}
