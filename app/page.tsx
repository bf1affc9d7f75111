import { Link } from "@/components/ui/link";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { Logo } from "@/components/logo";
import { Notice, noticeQuery } from "@/components/notice";
import { buttonClasses } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/session";
import { listMyWorkspaces } from "@/lib/workspaces/queries";
import { LAST_WORKSPACE_COOKIE, pickLandingWorkspace } from "@/lib/workspaces/resolve";

/** Signed in: straight to the last workspace used (or the first, or onboarding). Signed out: the front door. */
export default async function Home({ searchParams }: PageProps<"/">) {
  const user = await getCurrentUser();
  const params = await searchParams;
  if (user) {
    const hint = (await cookies()).get(LAST_WORKSPACE_COOKIE)?.value;
    const landing = pickLandingWorkspace(await listMyWorkspaces(user.id), hint);
    const notice = noticeQuery(params);
    redirect(landing.kind === "workspace" ? `/w/${landing.slug}${notice}` : `/onboarding${notice}`);
  }
  return (
    <main id="main" className="mx-auto flex min-h-dvh max-w-3xl flex-col justify-center gap-8 px-6">
      <Logo />
      <Notice params={params} />
      <div className="space-y-4">
        <h1 className="text-4xl font-semibold tracking-tight text-zinc-900">
          Workspaces for your whole team.
        </h1>
        <p className="max-w-xl text-lg text-zinc-600">
          Invite your colleagues, organise projects, and switch between every workspace you belong
          to. Each workspace’s data stays its own.
        </p>
      </div>
      <div className="flex gap-3">
        <Link href="/sign-up" className={buttonClasses("primary")}>
          Create an account
        </Link>
        <Link href="/sign-in" className={buttonClasses("secondary")}>
          Sign in
        </Link>
      </div>
    </main>
  );
}
