import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { safeNextPath } from "@/lib/auth/redirects";
import { getCurrentUser } from "@/lib/auth/session";
import { invitedEmailFor } from "@/lib/invitations/queries";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage({ searchParams }: PageProps<"/sign-up">) {
  const next = safeNextPath((await searchParams).next);
  if (await getCurrentUser()) redirect(next);
  const invitedEmail = await invitedEmailFor(next);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold text-zinc-900">Create your account</h1>
        <p className="text-sm text-zinc-600">Then create a workspace or join your team’s.</p>
      </div>
      <SignUpForm next={next} invitedEmail={invitedEmail} />
    </div>
  );
}
