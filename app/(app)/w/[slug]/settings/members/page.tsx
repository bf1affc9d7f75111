import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ActionForm } from "@/components/ui/action-form";
import { LimitBanner } from "@/components/billing/limit-banner";
import { InviteForm } from "@/components/members/invite-form";
import { RoleSelect } from "@/components/members/role-select";
import { RowMenu, type RowMenuItem } from "@/components/ui/row-menu";
import {
  changeMemberRole,
  inviteMember,
  leaveWorkspace,
  removeMember,
  resendInvitation,
  revokeInvitation,
  transferOwnership,
} from "@/lib/members/actions";
import { billingPermissions } from "@/lib/billing/permissions";
import { getMeter } from "@/lib/billing/queries";
import { listMembers, listPendingInvitations } from "@/lib/members/queries";
import { memberPermissions } from "@/lib/members/permissions";
import { requireWorkspace } from "@/lib/workspaces/context";
import { roleLabel } from "@/lib/workspaces/validation";

export async function generateMetadata({
  params,
}: PageProps<"/w/[slug]/settings/members">): Promise<Metadata> {
  const { workspace } = await requireWorkspace((await params).slug);
  return { title: `Members · ${workspace.name}` };
}

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

export default async function MembersPage({ params }: PageProps<"/w/[slug]/settings/members">) {
  const { slug } = await params;
  const { user, workspace } = await requireWorkspace(slug);
  const can = memberPermissions(workspace.role);
  const [members, invitations, seats] = await Promise.all([
    listMembers(workspace.id),
    can.canInvite ? listPendingInvitations(workspace.id) : Promise.resolve([]),
    can.canInvite ? getMeter(workspace.id, "seats") : Promise.resolve(null),
  ]);

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">Members</h1>
        <p className="text-sm text-zinc-600">
          {members.length} {members.length === 1 ? "person has" : "people have"} access to{" "}
          {workspace.name}.
        </p>
      </div>

      {can.canInvite && (
        <Card className="space-y-4 p-6">
          <div>
            <h2 className="text-base font-semibold text-zinc-900">Invite people</h2>
            <p className="text-sm text-zinc-600">
              They get an email with a link that works once and expires in 7 days.
            </p>
          </div>
          <LimitBanner
            meter={seats}
            slug={workspace.slug}
            canViewBilling={billingPermissions(workspace.role).canViewBilling}
          />
          <InviteForm
            action={inviteMember.bind(null, workspace.slug)}
            roles={can.assignableRoles}
          />
        </Card>
      )}

      <section aria-labelledby="members-heading" className="space-y-3">
        <h2 id="members-heading" className="text-base font-semibold text-zinc-900">
          People
        </h2>
        <ul
          className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white"
          data-testid="member-list"
        >
          {members.map((member) => {
            const isSelf = member.userId === user.id;
            const label = member.fullName ?? member.email;
            const manageable = !isSelf && can.canManage(member.role);
            return (
              <li
                key={member.userId}
                className="flex flex-wrap items-center justify-between gap-4 px-4 py-3"
                data-testid={`member-${member.email}`}
              >
                <div className="min-w-0">
                  <p className="truncate text-sm font-medium text-zinc-900">
                    {label} {isSelf && <span className="font-normal text-zinc-500">(you)</span>}
                  </p>
                  <p className="truncate text-xs text-zinc-500">
                    {member.email} · joined {dateFormat.format(new Date(member.joinedAt))}
                  </p>
                </div>
                <div className="flex items-center gap-2">
                  {manageable ? (
                    <RoleSelect
                      action={changeMemberRole.bind(null, workspace.slug)}
                      memberId={member.userId}
                      memberLabel={label}
                      role={member.role}
                      roles={can.assignableRoles}
                    />
                  ) : (
                    <Badge tone={member.role}>{roleLabel(member.role)}</Badge>
                  )}
                  {isSelf ? (
                    <ConfirmDialog
                      trigger="Leave"
                      triggerVariant="secondary"
                      title={`Leave ${workspace.name}?`}
                      description="You lose access to this workspace until someone invites you again."
                      confirmLabel="Leave workspace"
                      pendingLabel="Leaving…"
                      action={leaveWorkspace.bind(null, workspace.slug)}
                    />
                  ) : (
                    <MemberMenu
                      label={label}
                      items={[
                        ...(can.canTransferOwnership && member.role !== "owner"
                          ? [
                              {
                                label: "Transfer ownership",
                                title: `Make ${label} the owner?`,
                                description: `${label} becomes an owner of ${workspace.name} and you become an admin.`,
                                confirmLabel: "Transfer ownership",
                                pendingLabel: "Transferring…",
                                action: transferOwnership.bind(null, workspace.slug),
                                fields: { memberId: member.userId },
                              },
                            ]
                          : []),
                        ...(manageable
                          ? [
                              {
                                label: "Remove from workspace",
                                danger: true,
                                title: `Remove ${label}?`,
                                description: `${label} loses access to ${workspace.name} and its projects immediately.`,
                                confirmLabel: "Remove member",
                                pendingLabel: "Removing…",
                                action: removeMember.bind(null, workspace.slug),
                                fields: { memberId: member.userId },
                              },
                            ]
                          : []),
                      ]}
                    />
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </section>

      {can.canInvite && (
        <section aria-labelledby="invitations-heading" className="space-y-3">
          <h2 id="invitations-heading" className="text-base font-semibold text-zinc-900">
            Pending invitations
          </h2>
          {invitations.length === 0 ? (
            <p className="rounded-lg border border-dashed border-zinc-300 bg-white px-4 py-6 text-center text-sm text-zinc-600">
              No pending invitations.
            </p>
          ) : (
            <ul
              className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white"
              data-testid="invitation-list"
            >
              {invitations.map((invitation) => (
                <li
                  key={invitation.id}
                  className="flex flex-wrap items-center justify-between gap-4 px-4 py-3"
                >
                  <div className="min-w-0">
                    <p className="truncate text-sm font-medium text-zinc-900">{invitation.email}</p>
                    <p className="text-xs text-zinc-500">
                      {roleLabel(invitation.role)} ·{" "}
                      {invitation.expired ? (
                        <span className="font-medium text-amber-700">expired</span>
                      ) : (
                        `expires ${dateFormat.format(new Date(invitation.expiresAt))}`
                      )}
                    </p>
                  </div>
                  {can.canManage(invitation.role) && (
                    <div className="flex flex-wrap items-center gap-2">
                      <ActionForm
                        action={resendInvitation.bind(null, workspace.slug)}
                        fields={{ email: invitation.email, role: invitation.role }}
                        label="Resend"
                        pendingLabel="Sending…"
                      />
                      <ConfirmDialog
                        trigger="Revoke"
                        title={`Revoke the invitation to ${invitation.email}?`}
                        description="The link in their email stops working. You can invite them again later."
                        confirmLabel="Revoke invitation"
                        pendingLabel="Revoking…"
                        action={revokeInvitation.bind(null, workspace.slug)}
                        fields={{ invitationId: invitation.id }}
                      />
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}

/** The row's "…" menu, or nothing when this user may do nothing to that member. */
function MemberMenu({ label, items }: { label: string; items: RowMenuItem[] }) {
  // Keeps the role selects of all rows in one column.
  if (items.length === 0) return <span className="size-8" aria-hidden />;
  return <RowMenu label={`More actions for ${label}`} items={items} />;
}
