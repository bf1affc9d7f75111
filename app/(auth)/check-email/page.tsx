import type { Metadata } from "next";
import { Link } from "@/components/ui/link";

export const metadata: Metadata = { title: "Check your email" };

const copy = {
  // Also the answer for an address that already has an account (no account enumeration).
  confirm: "If {email} is not registered yet, a link to activate your account is on its way.",
  "magic-link": "If an account exists for {email}, a sign-in link is on its way. It works once.",
  reset: "If an account exists for {email}, a link to choose a new password is on its way.",
} as const;

export default async function CheckEmailPage({ searchParams }: PageProps<"/check-email">) {
  const params = await searchParams;
  const kind =
    typeof params.kind === "string" && params.kind in copy
      ? (params.kind as keyof typeof copy)
      : "magic-link";
  const email = typeof params.email === "string" ? params.email.slice(0, 254) : "your address";
  // Set in .env.local by `npm run dev`: the local mail catcher's inbox.
  const localInbox = process.env.LOCAL_MAIL_INBOX_URL;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold text-zinc-900">Check your email</h1>
      <p className="text-sm text-zinc-600">{copy[kind].replace("{email}", email)}</p>
      {kind === "confirm" && (
        <p className="text-sm text-zinc-600">
          Already have an account?{" "}
          <Link href="/sign-in" className="font-medium text-zinc-900 underline underline-offset-4">
            Sign in
          </Link>
          , or{" "}
          <Link
            href="/forgot-password"
            className="font-medium text-zinc-900 underline underline-offset-4"
          >
            reset your password
          </Link>
          .
        </p>
      )}
      {localInbox && (
        <p className="rounded-md bg-zinc-50 p-3 text-xs text-zinc-600">
          Local development: emails are caught, not delivered. Open the inbox at{" "}
          <a className="font-medium underline" href={localInbox}>
            {localInbox}
          </a>
          .
        </p>
      )}
      <Link
        href="/sign-in"
        className="inline-block text-sm text-zinc-600 underline-offset-4 hover:underline"
      >
        Back to sign in
      </Link>
    </div>
  );
}
