import Link from "next/link";
import { Suspense } from "react";
import { BillingStatusBanner } from "@/components/billing/billing-status-banner";
import { Logo } from "@/components/logo";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { RememberWorkspace } from "@/components/workspaces/remember-workspace";
import { WorkspaceNav } from "@/components/workspaces/workspace-nav";
import { WorkspaceSwitcher } from "@/components/workspaces/workspace-switcher";
import { signOut } from "@/lib/auth/actions";
import { listMyWorkspaces } from "@/lib/workspaces/queries";
import { activityPermissions } from "@/lib/activity/permissions";
import { requireWorkspace } from "@/lib/workspaces/context";

export default async function WorkspaceLayout({ children, params }: LayoutProps<"/w/[slug]">) {
  const { slug } = await params;
  const { user, workspace } = await requireWorkspace(slug);
  const workspaces = await listMyWorkspaces(user.id);
  return (
    <div className="min-h-dvh">
      <RememberWorkspace slug={workspace.slug} />
      <header className="border-b border-zinc-200 bg-white">
        <div className="mx-auto flex h-14 max-w-5xl items-center justify-between gap-4 px-4">
          <div className="flex items-center gap-3">
            <Link
              href={`/w/${workspace.slug}`}
              aria-label="tenantkit home"
              className="hidden sm:block"
            >
              <Logo />
            </Link>
            <span className="hidden text-zinc-300 sm:block" aria-hidden>
              /
            </span>
            <WorkspaceSwitcher current={workspace} workspaces={workspaces} />
            <Badge tone={workspace.role}>{workspace.role}</Badge>
          </div>
          <div className="flex items-center gap-3">
            <span className="hidden text-sm text-zinc-600 md:inline" data-testid="signed-in-as">
              {user.email}
            </span>
            <form action={signOut}>
              <Button type="submit" variant="ghost" size="sm">
                Sign out
              </Button>
            </form>
          </div>
        </div>
        <WorkspaceNav slug={workspace.slug} showActivity={activityPermissions(workspace).canView} />
      </header>
      <main id="main" className="mx-auto max-w-5xl px-4 py-8">
        <Suspense fallback={null}>
          <BillingStatusBanner workspace={workspace} />
        </Suspense>
        {children}
      </main>
    </div>
  );
}
