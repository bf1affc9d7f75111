import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { Logo } from "@/components/logo";
import { Notice } from "@/components/notice";
import { CreateWorkspaceForm } from "@/components/workspaces/create-workspace-form";
import { requireUser } from "@/lib/auth/session";
import { listMyWorkspaces } from "@/lib/workspaces/queries";

export const metadata: Metadata = { title: "Create a workspace" };

/** First stop for a user with no workspace, and the "Create workspace" page for everyone else. */
export default async function OnboardingPage({ searchParams }: PageProps<"/onboarding">) {
  const user = await requireUser();
  const workspaces = await listMyWorkspaces(user.id);
  const first = workspaces.length === 0;
  return (
    <main
      id="main"
      className="flex min-h-dvh flex-col items-center justify-center bg-zinc-50 px-4 py-12"
    >
      <div className="mb-8">
        <Logo />
      </div>
      <div className="w-full max-w-md space-y-6 rounded-lg border border-zinc-200 bg-white p-8 shadow-xs">
        <div className="space-y-1">
          <h1 className="text-xl font-semibold text-zinc-900">
            {first ? "Create your first workspace" : "Create a workspace"}
          </h1>
          <p className="text-sm text-zinc-600">
            {first
              ? "A workspace holds your team’s projects. You will be its owner and can invite others."
              : "A new workspace starts empty, with you as its owner."}
          </p>
        </div>
        <Notice params={await searchParams} />
        <CreateWorkspaceForm />
        {!first && (
          <p className="text-center text-sm">
            <Link href="/" className="text-zinc-600 underline-offset-4 hover:underline">
              Cancel
            </Link>
          </p>
        )}
      </div>
      <p className="mt-6 text-sm text-zinc-500">Signed in as {user.email}</p>
    </main>
  );
}
