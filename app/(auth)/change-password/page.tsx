import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Change your password" };

/** For a signed-in user who knows their password; a forgotten one goes through /forgot-password. */
export default async function ChangePasswordPage() {
  const user = await requireUser();
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold text-zinc-900">Change your password</h1>
        <p className="text-sm text-zinc-600">
          For {user.email}. You will stay signed in here; every other device is signed out.
        </p>
      </div>
      <ChangePasswordForm />
      <p className="text-center text-sm">
        <Link href="/forgot-password" className="text-zinc-600 underline-offset-4 hover:underline">
          Forgot your current password?
        </Link>
      </p>
    </div>
  );
}
