/** Transactional emails sent by the app (auth emails are templated in supabase/templates/). */

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function layout(
  title: string,
  paragraphs: string[],
  action: { label: string; url: string },
  footer: string,
) {
  const html = `<!doctype html>
<html>
  <body style="font-family: system-ui, sans-serif; color: #18181b; max-width: 32rem; margin: 0 auto; padding: 2rem">
    <h2 style="margin: 0 0 1rem">${escapeHtml(title)}</h2>
    ${paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join("\n    ")}
    <p style="margin: 1.5rem 0">
      <a href="${escapeHtml(action.url)}" style="background: #18181b; color: #fff; padding: 0.6rem 1rem; border-radius: 0.4rem; text-decoration: none">${escapeHtml(action.label)}</a>
    </p>
    <p style="color: #71717a; font-size: 0.85rem">${escapeHtml(footer)}</p>
  </body>
</html>`;
  const text = [title, "", ...paragraphs, "", `${action.label}: ${action.url}`, "", footer].join(
    "\n",
  );
  return { html, text };
}

/**
 * A name someone typed (a workspace, a person), made safe to put in an email to a
 * stranger: mail clients turn `evil.example`, `http://...` and `a@b.example` in plain
 * text into links, so an inviter could otherwise mail anyone a link of their choice
 * under our sender. Dots, slashes, colons and at signs become look-alikes that no
 * client links (U+2024, U+2215, U+2236, U+FF20); line breaks and other control characters become
 * spaces, so a name cannot fake lines of the message. Quoted by the callers, so it
 * reads as a name, not as our words.
 */
export function inertName(name: string): string {
  return name
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ")
    .replace(/[.\u3002\uff0e\uff61]/g, "\u2024")
    .replace(/\//g, "\u2215")
    .replace(/:/g, "\u2236")
    .replace(/@/g, "\uff20")
    .replace(/\s+/g, " ")
    .trim();
}

export function invitationEmail(input: {
  workspaceName: string;
  inviterName: string;
  role: string;
  url: string;
  expiresAt: Date;
}) {
  const expires = new Intl.DateTimeFormat("en", { dateStyle: "long" }).format(input.expiresAt);
  const workspace = `“${inertName(input.workspaceName)}”`;
  const inviter = `“${inertName(input.inviterName)}”`;
  return {
    // No name in the subject: it is what an inbox shows of a stranger's mail.
    subject: "You are invited to a workspace on tenantkit",
    ...layout(
      `Join the ${workspace} workspace`,
      [
        `${inviter} invited you to the ${workspace} workspace on tenantkit as ${input.role === "admin" ? "an admin" : `a ${input.role}`}.`,
        `The invitation works once and expires on ${expires}.`,
      ],
      { label: "Join the workspace", url: input.url },
      "If you did not expect this invitation, you can ignore this email.",
    ),
  };
}

export function paymentFailedEmail(input: {
  workspaceName: string;
  graceEndsAt: Date;
  url: string;
}) {
  const until = new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" }).format(
    input.graceEndsAt,
  );
  const workspace = `“${inertName(input.workspaceName)}”`;
  return {
    subject: "A payment for your tenantkit workspace failed",
    ...layout(
      `The payment for ${workspace} failed`,
      [
        `We could not charge the payment method of the ${workspace} workspace.`,
        `Everything keeps working until ${until}. After that the workspace becomes read-only until the payment goes through: nothing is deleted.`,
      ],
      { label: "Update the payment method", url: input.url },
      "You receive this email because you are an owner of the workspace.",
    ),
  };
}
