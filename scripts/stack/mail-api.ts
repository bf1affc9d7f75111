/** Reading the mail catcher's REST API (MailDev): used by tests and tools. */

/** What MailDev's REST API returns for one email (the fields tenantkit reads). */
export interface CaughtEmail {
  id: string;
  subject: string;
  to: Array<{ address: string }>;
  html: string;
  text: string;
  time: string;
}

/** Emails to `to`, newest first, from a catcher's REST API. */
export async function caughtEmails(webUrl: string, to: string): Promise<CaughtEmail[]> {
  const response = await fetch(`${webUrl}/api/email?sort=desc`);
  if (!response.ok) throw new Error(`mail catcher answered ${response.status}`);
  const emails = (await response.json()) as CaughtEmail[];
  return emails.filter((email) =>
    email.to.some((recipient) => recipient.address.toLowerCase() === to.toLowerCase()),
  );
}

/** The call-to-action link of an email: the first href of its HTML body. */
export function firstLink(email: Pick<CaughtEmail, "html" | "text">): string | undefined {
  const href = /href="(https?:\/\/[^"]+)"/.exec(email.html ?? "")?.[1];
  const link = href ?? /https?:\/\/[^\s"'<>]+/.exec(email.text ?? "")?.[0];
  return link?.replace(/&amp;/g, "&");
}
