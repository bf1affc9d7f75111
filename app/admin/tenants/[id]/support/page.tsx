import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { GrantList } from "@/components/support/grant-list";
import { OpenGrantForm } from "@/components/support/open-grant-form";
import { SupportSectionView } from "@/components/support/section-view";
import { cn } from "@/components/ui/cn";
import { requirePlatformAdmin } from "@/lib/admin/guard";
import { closeSupportGrant, openSupportGrant } from "@/lib/support/actions";
import { getSupportOverview, readSupportSection } from "@/lib/support/queries";
import { expiresIn } from "@/lib/support/status";
import {
  SUPPORT_SECTION_LABELS,
  SUPPORT_SECTIONS,
  supportSectionSchema,
} from "@/lib/support/validation";

export const metadata: Metadata = { title: "Support access · Operator console" };

/**
 * Support access to one workspace: open a grant (reason, duration), the grants so
 * far, and, while the operator's grant is open, the workspace's data read-only
 * through admin_support_read(). Viewing a section is what gets logged (in both
 * logs), so nothing is read until the operator picks one.
 */
export default async function SupportAccessPage({
  params,
  searchParams,
}: PageProps<"/admin/tenants/[id]/support">) {
  await requirePlatformAdmin();
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  const overview = await getSupportOverview(id.data);
  if (!overview) notFound();
  const { workspace, grants } = overview;
  const openGrant = grants.find((grant) => grant.id === overview.open_grant_id);
  const view = supportSectionSchema.safeParse((await searchParams).view);
  const section =
    openGrant && view.success ? await readSupportSection(workspace.id, view.data) : null;
  const base = `/admin/tenants/${workspace.id}/support`;

  return (
    <div className="space-y-8">
      <div>
        <Link href={`/admin/tenants/${workspace.id}`} className="text-sm text-zinc-600 underline">
          ← {workspace.name}
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">
          Support access to {workspace.name}
        </h1>
        <p className="text-sm text-zinc-600">
          /w/{workspace.slug}. Opening access, and every page you view, is recorded in the platform
          log and shown in the workspace&apos;s own activity feed.
        </p>
      </div>

      {openGrant ? (
        <Card className="space-y-4 p-6">
          <Alert tone="warning">
            <span data-testid="support-banner">
              Support view — read-only, {expiresIn(openGrant.expires_at ?? openGrant.opened_at)}.
              Reason: {openGrant.reason}
            </span>
          </Alert>
          <nav className="flex flex-wrap gap-2" aria-label="Workspace sections">
            {SUPPORT_SECTIONS.map((name) => (
              <Link
                key={name}
                href={`${base}?view=${name}`}
                aria-current={section?.section === name ? "page" : undefined}
                className={cn(
                  "rounded-md border px-3 py-1.5 text-sm",
                  section?.section === name
                    ? "border-zinc-900 bg-zinc-900 text-white"
                    : "border-zinc-300 text-zinc-800 hover:bg-zinc-50",
                )}
              >
                {SUPPORT_SECTION_LABELS[name]}
              </Link>
            ))}
          </nav>
          {section ? (
            <SupportSectionView data={section} />
          ) : (
            <p className="text-sm text-zinc-600">Pick what to view.</p>
          )}
        </Card>
      ) : overview.pending_grant_id ? (
        <Card className="space-y-2 p-6">
          <Alert tone="info">
            <span data-testid="support-pending">
              {workspace.name} requires an owner&apos;s approval: your request waits for one of its
              owners (Settings → Support access). Nothing is readable until then.
            </span>
          </Alert>
        </Card>
      ) : (
        <Card className="space-y-4 p-6">
          <h2 className="text-base font-semibold text-zinc-900">Open support access</h2>
          {overview.requires_approval && (
            <p className="text-sm text-zinc-600">
              This workspace requires an owner&apos;s approval: the grant waits until one approves
              it, and its time starts then.
            </p>
          )}
          <p className="text-sm text-zinc-600">
            Read-only access to this workspace&apos;s projects, members, activity and settings, for
            you only, until it expires or you close it.
          </p>
          <OpenGrantForm action={openSupportGrant} organizationId={workspace.id} />
        </Card>
      )}

      <Card className="space-y-2 p-6">
        <h2 className="text-base font-semibold text-zinc-900">Grants</h2>
        <GrantList
          grants={grants}
          actions={(grant) => (
            <ActionForm
              action={closeSupportGrant}
              fields={{ organizationId: workspace.id, grantId: grant.id }}
              label="Close"
              pendingLabel="Closing…"
            />
          )}
        />
      </Card>
    </div>
  );
}
