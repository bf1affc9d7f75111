/**
 * `npm run tenant -- provision --slug acme --name "Acme" --plan pro --owner ops@acme.com`:
 * the workspace, its plan's default data (lib/lifecycle/defaults.ts), the plan and
 * its owner (an existing account becomes owner; anyone else gets an owner
 * invitation by email, over the SMTP settings of .env.local). Running it again
 * changes nothing and says so.
 */
import nodemailer from "nodemailer";
import { provisionWorkspace } from "../../lib/lifecycle/provision";
import { provisionSchema } from "../../lib/lifecycle/validation";
import { CommandError, UsageError, type TenantCommand } from "./context";
import { flags } from "./args";

/** The command's mail: the app's SMTP settings (lib/email/send.ts is server-only). */
async function sendWithSmtp(message: { to: string; subject: string; html: string; text: string }) {
  const { SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASS, SMTP_SECURE, EMAIL_FROM } = process.env;
  if (!SMTP_HOST || !SMTP_PORT || !EMAIL_FROM)
    throw new CommandError(
      "The owner invitation is saved but could not be emailed: SMTP_HOST, SMTP_PORT and EMAIL_FROM are not set (.env.example).",
    );
  const transporter = nodemailer.createTransport({
    host: SMTP_HOST,
    port: Number(SMTP_PORT),
    secure: SMTP_SECURE === "true",
    auth: SMTP_USER ? { user: SMTP_USER, pass: SMTP_PASS ?? "" } : undefined,
  });
  await transporter.sendMail({ from: EMAIL_FROM, ...message });
}

export const provisionCommand: TenantCommand = {
  name: "provision",
  summary: "create a workspace with its plan, default data and owner (idempotent)",
  usage:
    'npm run tenant -- provision --slug <slug> --name "<name>" --plan <free|pro|business|enterprise> --owner <email>',
  async run(args, context) {
    const values = flags(args, {
      slug: { type: "string" },
      name: { type: "string" },
      plan: { type: "string" },
      owner: { type: "string" },
    });
    const parsed = provisionSchema.safeParse(values);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const flag = `--${String(issue.path[0])}`;
      throw new UsageError(
        issue.message.startsWith("--") ? issue.message : `${flag}: ${issue.message}`,
      );
    }
    const outcome = await provisionWorkspace(parsed.data, {
      supabase: context.supabase,
      siteUrl: context.siteUrl,
      by: context.operator,
      sendEmail: context.sendEmail ?? sendWithSmtp,
    });
    if (!outcome.ok) throw new CommandError(outcome.message);
    if (!outcome.created) {
      context.print(`${outcome.slug} already exists as asked: nothing changed. ${outcome.url}`);
      return 0;
    }
    context.print(`✓ Provisioned ${outcome.slug} on ${parsed.data.plan}: ${outcome.url}`);
    context.print(
      outcome.owner === "member"
        ? `  ${parsed.data.owner} is its owner.`
        : `  ${parsed.data.owner} has no account yet: an owner invitation was emailed.`,
    );
    return 0;
  },
};
