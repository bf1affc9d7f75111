import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { safeNextPath } from "@/lib/auth/redirects";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

const notices: Record<string, { tone: "error" | "success"; text: string }> = {
  link_invalid: { tone: "error", text: "That link is invalid or has expired. Ask for a new one." },
  signed_out: { tone: "success", text: "You’ve been signed out." },
  signed_out_everywhere: {
    tone: "success",
    text: "You’ve been signed out on every device, this one included.",
  },
};

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  // Signed in already: on to the app, but a broken email link still says so there.
  if (await getCurrentUser())
    redirect(params.error === "link_invalid" ? "/?notice=link-invalid" : next);
  // `?error=` for a refusal, `?notice=` for news; own keys only (`?error=toString`).
  const key = params.error ?? params.notice;
  const notice = typeof key === "string" && Object.hasOwn(notices, key) ? notices[key] : undefined;
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold text-zinc-900">Sign in</h1>
        <p className="text-sm text-zinc-600">Welcome back. Sign in to reach your workspaces.</p>
      </div>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      <SignInForm next={next} />
    </div>
  );
}
