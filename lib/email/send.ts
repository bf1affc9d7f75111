import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { z } from "zod";

/**
 * The one way the app sends email: SMTP, configured by env. Locally that is the
 * mail catcher started by `npm run dev`; in production any SMTP provider.
 */
const smtpEnvSchema = z.object({
  SMTP_HOST: z.string().min(1, "SMTP_HOST is not set"),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  SMTP_SECURE: z.enum(["true", "false"]).default("false"),
  EMAIL_FROM: z.string().min(3, "EMAIL_FROM is not set"),
});

export interface EmailMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
}

let transport: { transporter: Transporter; from: string } | undefined;

function getTransport() {
  if (transport) return transport;
  const parsed = smtpEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(
      `Email is not configured (see .env.example): ${parsed.error.issues.map((issue) => issue.message).join("; ")}`,
    );
  }
  const env = parsed.data;
  const auth = env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASS ?? "" } : undefined;
  transport = {
    transporter: nodemailer.createTransport({
      host: env.SMTP_HOST,
      port: env.SMTP_PORT,
      secure: env.SMTP_SECURE === "true",
      auth,
      // With credentials, never send them in the clear; a local catcher needs neither.
      requireTLS: Boolean(auth) && env.SMTP_SECURE !== "true",
    }),
    from: env.EMAIL_FROM,
  };
  return transport;
}

export async function sendEmail(message: EmailMessage): Promise<void> {
  const { transporter, from } = getTransport();
  await transporter.sendMail({ from, ...message });
}
