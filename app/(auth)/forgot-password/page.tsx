import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { ForgotPasswordForm } from "@/components/auth/email-only-form";

export const metadata: Metadata = { title: "Reset your password" };

export default function ForgotPasswordPage() {
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold text-zinc-900">Forgot your password?</h1>
        <p className="text-sm text-zinc-600">
          Enter your email and we will send you a link to choose a new one.
        </p>
      </div>
      <ForgotPasswordForm />
      <p className="text-center text-sm">
        <Link href="/sign-in" className="text-zinc-600 underline-offset-4 hover:underline">
          Back to sign in
        </Link>
      </p>
    </div>
  );
}
