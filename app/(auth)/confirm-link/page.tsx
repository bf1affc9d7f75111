import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { buttonClasses } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { continueWithEmailLink } from "@/lib/auth/actions";
import { emailLinkQuery, emailLinkSchema } from "@/lib/auth/email-link";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Switch account?" };

/**
 * An email link opened while signed in (see app/auth/confirm/route.ts): the link
 * may be someone else's, sent to make this browser work in their account. Nothing
 * happens until the user chooses.
 */
export default async function ConfirmLinkPage({ searchParams }: PageProps<"/confirm-link">) {
  const parsed = emailLinkSchema.safeParse(await searchParams);
  if (!parsed.success) redirect("/sign-in?error=link_invalid");
  const link = parsed.data;
  const user = await getCurrentUser();
  // Signed out meanwhile: nothing to replace, the link works as it does for everyone.
  if (!user) redirect(`/auth/confirm?${emailLinkQuery(link)}`);
  // A change of address is usually the signed-in person's own; the link still signs
  // in the account it belongs to, so the same question, in its words.
  const emailChange = link.type === "email_change";
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-xl font-semibold text-zinc-900">
          {emailChange ? "Confirm the new email address?" : "Switch account?"}
        </h1>
        <p className="text-sm text-zinc-600">
          You are signed in as <strong className="text-zinc-900">{user.email}</strong>.
        </p>
        <p className="text-sm text-zinc-600">
          {emailChange
            ? "This email link confirms a change of email address, and signs this browser in to the account it belongs to. Continue only if you asked for this change yourself."
            : "This email link signs this browser in to the account it was sent to, in place of yours. Continue only if you asked for this link yourself."}
        </p>
      </div>
      <Link href="/" className={buttonClasses("primary", "md", "w-full")}>
        Stay signed in as {user.email}
      </Link>
      <form action={continueWithEmailLink}>
        <input type="hidden" name="token_hash" value={link.token_hash} />
        <input type="hidden" name="type" value={link.type} />
        {link.next && <input type="hidden" name="next" value={link.next} />}
        <SubmitButton
          pendingLabel={emailChange ? "Confirming…" : "Switching…"}
          className="w-full"
          variant="secondary"
        >
          {emailChange ? "Confirm the new address" : "Continue as the account in this link"}
        </SubmitButton>
      </form>
    </div>
  );
}
