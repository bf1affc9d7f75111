import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { cookies } from "next/headers";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { RECOVERY_COOKIE } from "@/lib/auth/redirects";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Choose a new password" };

/**
 * Reached from the password-reset email: /auth/confirm has signed the user in and
 * marked this browser as having opened the link. A session without that mark
 * (someone at a signed-in computer) must know the current password: /change-password.
 */
export default async function ResetPasswordPage() {
  const user = await requireUser();
  const fromRecoveryLink = (await cookies()).get(RECOVERY_COOKIE)?.value === user.id;
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold text-zinc-900">Choose a new password</h1>
        <p className="text-sm text-zinc-600">For {user.email}.</p>
      </div>
      {fromRecoveryLink ? (
        <ResetPasswordForm />
      ) : (
        <p className="text-sm text-zinc-600">
          This page works right after you open a password-reset link.{" "}
          <Link href="/change-password" className="font-medium underline underline-offset-4">
            Change your password
          </Link>{" "}
          with your current one, or{" "}
          <Link href="/forgot-password" className="font-medium underline underline-offset-4">
            ask for a new link
          </Link>
          .
        </p>
      )}
    </div>
  );
}
