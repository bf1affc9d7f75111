import { cookies } from "next/headers";
import { Link } from "@/components/ui/link";
import { Suspense } from "react";
import { BillingStatusBanner } from "@/components/billing/billing-status-banner";
import { LifecycleBanner } from "@/components/lifecycle/lifecycle-banner";
import { Logo } from "@/components/logo";
import { Badge } from "@/components/ui/badge";
import { RememberWorkspace } from "@/components/workspaces/remember-workspace";
import { WorkspaceNav } from "@/components/workspaces/workspace-nav";
import { WorkspaceSwitcher } from "@/components/workspaces/workspace-switcher";
import { UserMenu } from "@/components/user-menu";
import { getMyProfile } from "@/lib/account/queries";
import { signOut } from "@/lib/auth/actions";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";
import { roleLabel } from "@/lib/workspaces/validation";
import { listMyWorkspaces } from "@/lib/workspaces/queries";
import { activityPermissions } from "@/lib/activity/permissions";
import { requireWorkspace } from "@/lib/workspaces/context";

export default async function WorkspaceLayout({ children, params }: LayoutProps<"/w/[slug]">) {
  const { slug } = await params;
  const { user, workspace } = await requireWorkspace(slug);
  const [workspaces, profile, cookieStore] = await Promise.all([
    listMyWorkspaces(user.id),
    getMyProfile(user.id),
    cookies(),
  ]);
  return (
    <div className="min-h-dvh">
      <RememberWorkspace slug={workspace.slug} />
      <header className="border-b border-zinc-200 bg-white">
        <div className="mx-auto flex h-14 max-w-5xl items-center justify-between gap-2 px-4">
          <div className="flex min-w-0 items-center gap-2 sm:gap-3">
            <Link href={`/w/${workspace.slug}`} className="hidden sm:block">
              <Logo />
            </Link>
            <span className="hidden text-zinc-300 sm:block" aria-hidden>
              /
            </span>
            <WorkspaceSwitcher current={workspace} workspaces={workspaces} />
            <span className="hidden sm:inline-flex">
              <Badge tone={workspace.role}>{roleLabel(workspace.role)}</Badge>
            </span>
          </div>
          <UserMenu
            name={profile.fullName}
            email={user.email}
            theme={parseTheme(cookieStore.get(THEME_COOKIE)?.value)}
            signOut={signOut}
          />
        </div>
        <WorkspaceNav slug={workspace.slug} showActivity={activityPermissions(workspace).canView} />
      </header>
      <main id="main" className="mx-auto max-w-5xl px-4 py-8">
        <Suspense fallback={null}>
          <LifecycleBanner workspace={workspace} />
        </Suspense>
        <Suspense fallback={null}>
          <BillingStatusBanner workspace={workspace} />
        </Suspense>
        {children}
      </main>
    </div>
  );
}
