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

export function invitationEmail(input: {
  workspaceName: string;
  inviterName: string;
  role: string;
  url: string;
  expiresAt: Date;
}) {
  const expires = new Intl.DateTimeFormat("en", { dateStyle: "long" }).format(input.expiresAt);
  const subject = `${input.inviterName} invited you to ${input.workspaceName} on tenantkit`;
  return {
    subject,
    ...layout(
      `Join ${input.workspaceName}`,
      [
        `${input.inviterName} invited you to the ${input.workspaceName} workspace as ${input.role === "admin" ? "an admin" : `a ${input.role}`}.`,
        `The invitation works once and expires on ${expires}.`,
      ],
      { label: `Join ${input.workspaceName}`, url: input.url },
      "If you did not expect this invitation, you can ignore this email.",
    ),
  };
}
