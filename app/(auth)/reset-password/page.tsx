import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Choose a new password" };

/** Reached from the password-reset email: /auth/confirm has already signed the user in. */
export default async function ResetPasswordPage() {
  const user = await requireUser();
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold text-zinc-900">Choose a new password</h1>
        <p className="text-sm text-zinc-600">For {user.email}.</p>
      </div>
      <ResetPasswordForm />
    </div>
  );
}
