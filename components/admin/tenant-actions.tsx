"use client";

import { ActionForm } from "@/components/ui/action-form";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { inputClasses } from "@/components/ui/field";
import {
  cancelTenantDeletion,
  changeTenantPlan,
  resendOwnerInvitation,
  resumeTenant,
  scheduleTenantDeletion,
  suspendTenant,
} from "@/lib/lifecycle/admin-actions";

interface TenantActionsProps {
  tenant: {
    id: string;
    name: string;
    slug: string;
    planId: string | null;
    suspended: boolean;
    deletionScheduled: boolean;
    pendingOwnerEmail: string | null;
  };
  plans: { id: string; name: string }[];
  graceDays: number;
}

/** The overview's lifecycle actions; each result is a toast, each refusal says why. */
export function TenantActions({ tenant, plans, graceDays }: TenantActionsProps) {
  const org = { org: tenant.id };
  return (
    <div className="space-y-6">
      <section className="space-y-2">
        <h2 className="text-base font-semibold text-zinc-900">Suspension</h2>
        {tenant.suspended ? (
          <ActionForm action={resumeTenant} fields={org} label="Resume" pendingLabel="Resuming…" />
        ) : (
          <ActionForm
            action={suspendTenant}
            fields={org}
            label="Suspend"
            pendingLabel="Suspending…"
            variant="danger"
          >
            <label htmlFor="suspend-reason" className="sr-only">
              Reason (the workspace&apos;s owners see it)
            </label>
            <input
              id="suspend-reason"
              name="reason"
              required
              maxLength={500}
              placeholder="Reason (the owners see it)"
              className={`${inputClasses} w-80`}
            />
          </ActionForm>
        )}
      </section>

      <section className="space-y-2">
        <h2 className="text-base font-semibold text-zinc-900">Plan</h2>
        <ActionForm
          action={changeTenantPlan}
          fields={org}
          label="Change plan"
          pendingLabel="Changing…"
        >
          <label htmlFor="tenant-plan" className="sr-only">
            Plan
          </label>
          <select
            id="tenant-plan"
            name="plan"
            defaultValue={tenant.planId ?? undefined}
            className={`${inputClasses} w-48`}
          >
            {plans.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {plan.name}
              </option>
            ))}
          </select>
        </ActionForm>
      </section>

      <section className="space-y-2">
        <h2 className="text-base font-semibold text-zinc-900">Deletion</h2>
        {tenant.deletionScheduled ? (
          <ActionForm
            action={cancelTenantDeletion}
            fields={org}
            label="Cancel deletion"
            pendingLabel="Cancelling…"
          />
        ) : (
          <ConfirmDialog
            trigger="Schedule deletion"
            title={`Schedule the deletion of ${tenant.name}?`}
            description={`The workspace becomes read-only now and is deleted with all its data in ${graceDays} days, unless an owner or an operator cancels.`}
            confirmLabel="Schedule deletion"
            pendingLabel="Scheduling…"
            action={scheduleTenantDeletion}
            fields={{ ...org, slug: tenant.slug }}
            typeToConfirm={tenant.slug}
          />
        )}
      </section>

      {tenant.pendingOwnerEmail && (
        <section className="space-y-2">
          <h2 className="text-base font-semibold text-zinc-900">Owner invitation</h2>
          <p className="text-sm text-zinc-600">
            {tenant.pendingOwnerEmail} has not accepted the owner invitation yet.
          </p>
          <ActionForm
            action={resendOwnerInvitation}
            fields={{ ...org, name: tenant.name }}
            label="Resend owner invitation"
            pendingLabel="Sending…"
          />
        </section>
      )}
    </div>
  );
}
