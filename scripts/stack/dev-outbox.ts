/**
 * The local mail catcher: auth emails (confirmation, magic link, password reset)
 * are kept here instead of being delivered. Developers read them in the stack's
 * console or at http://127.0.0.1:54321/_dev/inbox; tests read the JSON feed.
 * Never part of a hosted deployment: it only exists inside the local stack.
 */
import type { EmailDriver } from "@supabase/lite";

export interface CapturedEmail {
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string;
  sentAt: string;
}

type Message = Parameters<EmailDriver["send"]>[0];

const MAX_KEPT = 200;

export class DevOutbox implements EmailDriver {
  private readonly emails: CapturedEmail[] = [];
  private nextId = 1;

  constructor(private readonly options: { print: boolean }) {}

  async send(message: Message): Promise<void> {
    const email: CapturedEmail = {
      id: this.nextId++,
      to: String(message.to),
      subject: message.subject ?? "",
      text: message.text ?? "",
      html: message.html ?? "",
      sentAt: new Date().toISOString(),
    };
    this.emails.push(email);
    if (this.emails.length > MAX_KEPT) this.emails.shift();
    if (this.options.print) {
      console.log(
        `\n[mail] to ${email.to}: ${email.subject}\n${firstLink(email) ?? email.text}\n` +
          `[mail] inbox: /_dev/inbox\n`,
      );
    }
  }

  /** Serves `/_dev/emails` (JSON, optional `?to=`) and `/_dev/inbox` (HTML); other paths return undefined. */
  handle(request: Request): Response | undefined {
    const url = new URL(request.url);
    if (request.method !== "GET") return undefined;
    const to = url.searchParams.get("to")?.toLowerCase();
    const emails = this.emails.filter((email) => !to || email.to.toLowerCase() === to).reverse();
    if (url.pathname === "/_dev/emails") return Response.json(emails);
    if (url.pathname === "/_dev/inbox") {
      return new Response(renderInbox(emails), { headers: { "content-type": "text/html" } });
    }
    return undefined;
  }
}

/** The call-to-action link of an email: the first href of the HTML body, else the first URL of the text. */
export function firstLink(email: Pick<CapturedEmail, "text" | "html">): string | undefined {
  const href = /href="(https?:\/\/[^"]+)"/.exec(email.html)?.[1];
  const link = href ?? /https?:\/\/[^\s"'<>]+/.exec(email.text)?.[0];
  return link?.replace(/&amp;/g, "&");
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function renderInbox(emails: CapturedEmail[]): string {
  const items = emails
    .map((email) => {
      const link = firstLink(email);
      return `<li><p><strong>${escapeHtml(email.subject)}</strong> to ${escapeHtml(email.to)}
        <small>${escapeHtml(email.sentAt)}</small></p>
        ${link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>` : ""}
        <pre>${escapeHtml(email.text)}</pre></li>`;
    })
    .join("");
  return `<!doctype html><meta charset="utf-8"><title>tenantkit dev inbox</title>
    <style>body{font:14px system-ui;margin:2rem;max-width:60rem}li{border-bottom:1px solid #ddd;padding:1rem 0;list-style:none}pre{white-space:pre-wrap;color:#555}</style>
    <h1>Local inbox</h1><p>Emails sent by the local auth server, newest first. Refresh to update.</p>
    <ul>${items || "<li>No email yet.</li>"}</ul>`;
}
