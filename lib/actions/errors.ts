/**
 * Every error an action can show, by code: the codes the database raises
 * (`raise exception 'slug_taken' using hint = ...`), the auth server's error codes,
 * and the app's own. One table for the whole app, so a code reads the same wherever
 * it surfaces. `field` puts the error on that form field too; its text is the
 * entry's `fieldText`, else the database's hint, else the message.
 */
interface ErrorEntry {
  message: string;
  field?: string;
  fieldText?: string;
  /** The cause's hint, when it has one, replaces `message`: a sentence the app built (a wait time). */
  hintIsMessage?: true;
}

export const ERRORS = {
  // Workspaces (create_organization, organizations.slug: unique, reserved words, held after a rename)
  slug_taken: {
    message: "That URL is taken.",
    field: "slug",
    fieldText: "Another workspace already uses this URL. Try another one.",
  },
  slug_reserved: {
    message: "That URL is reserved.",
    field: "slug",
    fieldText: "This URL is reserved. Pick another one.",
  },
  invalid_slug: { message: "Check the URL.", field: "slug" },
  invalid_name: { message: "Check the name.", field: "name" },
  workspace_not_created: { message: "The workspace could not be created. Try again." },
  workspace_not_updated: { message: "Only owners and admins can change the workspace settings." },
  workspace_not_deleted: { message: "Only an owner can delete this workspace." },
  confirm_name_mismatch: {
    message: "Type the workspace name exactly to confirm.",
    field: "confirmName",
    fieldText: "Type the name exactly as shown.",
  },

  // Team RPCs (invite_member, update_member_role, remove_member, transfer_ownership, ...)
  not_allowed: { message: "Your role does not allow that in this workspace." },
  already_member: { message: "This person is already a member of the workspace.", field: "email" },
  invalid_email: { message: "Enter a valid email address.", field: "email" },
  invalid_role: { message: "Choose a valid role.", field: "role" },
  member_not_found: { message: "This person is no longer a member of the workspace." },
  last_owner: {
    message: "A workspace needs an owner. Make someone else owner first, or delete the workspace.",
  },
  invalid_member: { message: "Choose another member." },
  invitation_rate_limited: {
    message:
      "Too many invitations were sent from this workspace or by you recently. Try again later.",
  },
  invitation_email_failed: {
    message: "The invitation is saved, but the email could not be sent. Use “Resend” to try again.",
  },

  // Invitations (accept_invitation, revoke_invitation)
  invitation_not_found: { message: "This invitation no longer exists." },
  invitation_revoked: { message: "This invitation was revoked by the workspace." },
  invitation_used: { message: "This invitation was already used." },
  invitation_expired: { message: "This invitation has expired. Ask for a new one." },
  wrong_account: { message: "This invitation was sent to another email address." },
  email_not_proven: {
    message:
      "Your email address changed since you confirmed it. Confirm this mailbox with the code we email you, then join.",
  },
  invalid_code: {
    message: "That code is not right, or has expired. After 5 wrong codes, ask for a new one.",
    field: "code",
  },
  invitation_not_accepted: { message: "The invitation could not be accepted. Try again." },

  // Projects and the activity log (RLS answers "no row" rather than an error)
  project_not_allowed: {
    message:
      "You do not have permission to do that in this workspace, or the project no longer exists.",
  },
  project_not_created: { message: "The project could not be created. Try again." },
  audit_entry_not_found: {
    message: "Only a deleted project of this workspace can be restored, by an owner or admin.",
  },
  already_restored: { message: "This project has already been restored." },
  project_not_restored: { message: "The project could not be restored." },
  visibility_not_changed: { message: "Only an owner can change who sees the activity log." },

  // Plans and quotas (the plans migration): the database builds the sentence with the
  // plan's number ("Your plan allows 3 projects. Upgrade to add more.").
  plan_limit_reached: {
    message: "Your plan's limit is reached. Upgrade to add more.",
    hintIsMessage: true,
  },
  feature_not_in_plan: {
    message: "Your plan does not include this. Upgrade to use it.",
    hintIsMessage: true,
  },
  plan_change_over_limit: {
    message: "This workspace uses more than that plan allows. Remove the extra first.",
    hintIsMessage: true,
  },
  plan_not_found: { message: "Choose one of the plans on this page." },
  workspace_not_found: { message: "This workspace no longer exists." },
  billing_owner_only: { message: "Only owners can change the plan." },
  billing_not_configured: {
    message:
      "Online billing is not configured on this deployment. Contact support to change your plan.",
  },
  plan_not_sold_online: {
    message: "This plan is arranged with us directly. Contact support to move to it.",
  },
  no_billing_account: { message: "This workspace has no billing account yet: upgrade first." },
  billing_restricted: {
    message:
      "This workspace is read-only because of a billing problem. An owner can fix the payment on the billing page.",
  },
  // Lifecycle (supabase/migrations/20261123001000_lifecycle.sql): a frozen workspace.
  workspace_suspended: {
    message:
      "This workspace is suspended: it is read-only until the platform resumes it. Contact support.",
  },
  workspace_deletion_scheduled: {
    message:
      "This workspace is scheduled for deletion and is read-only. An owner can cancel the deletion in the settings.",
  },
  invalid_grace_period: { message: "The grace period is 1 to 365 days." },
  // Operator commands (npm run tenant) and the console.
  not_platform_admin: { message: "Only platform admins may do this." },
  invalid_reason: {
    message: "Give a reason of 1 to 500 characters (the workspace's owners see it).",
    field: "reason",
  },
  invalid_page: { message: "That did not work. Try again." },
  no_pending_owner_invitation: { message: "This workspace has no pending owner invitation." },
  workspace_exists: {
    message: "A workspace with that URL already exists with another owner, name or plan.",
    hintIsMessage: true,
  },
  user_not_found: {
    message: "No account uses that email address. The person must sign up first.",
    hintIsMessage: true,
  },
  // Export and import (lib/export, npm run tenant -- export|import).
  export_owner_only: { message: "Only an owner can export this workspace." },
  // import_audit_history()/finish_workspace_import() outside a running import: a bug of the command.
  import_not_open: { message: "That did not work. Try again." },
  invalid_argument: { message: "That did not work. Try again." },
  // Support access (admin_open_support_grant, admin_support_read, admin_close_support_grant).
  support_reason_invalid: {
    message: "Say why you need access.",
    field: "reason",
    fieldText: "10 to 500 characters. The customer reads it in their activity feed.",
  },
  support_duration_invalid: {
    message: "Choose a duration between 1 minute and 24 hours.",
    field: "minutes",
  },
  support_grant_already_open: {
    message: "You already hold an open grant for this workspace. Close it first.",
  },
  support_grant_required: {
    message: "Your support access to this workspace is not open (it expired or was closed).",
  },
  support_grant_not_found: { message: "This support grant does not exist." },
  support_section_invalid: { message: "That part of the workspace has no support view." },
  // admin_tenant_health() asked for a window outside 1 to 168 hours: a bug of the console.
  health_window_invalid: { message: "That did not work. Try again." },
  // consume_usage()/record_usage() called with a bad metric or amount: a bug, never a user's input.
  invalid_metric: { message: "That did not work. Try again." },
  invalid_amount: { message: "That did not work. Try again." },
  // apply_stripe_event() given something that is not a Stripe event: a bug of the webhook.
  invalid_event: { message: "That did not work. Try again." },

  // The account (delete_my_account; email change through the auth server)
  account_confirmation_mismatch: {
    message: "Type your account’s email address exactly to confirm.",
    field: "confirmName",
    fieldText: "Type your email address exactly as shown.",
  },
  last_owner_anywhere: {
    message:
      "You are the only owner of a workspace. Make someone else its owner, or delete it, before you delete your account.",
  },
  email_exists: {
    message: "Another account uses that address.",
    field: "email",
  },
  email_address_invalid: { message: "Enter a valid email address.", field: "email" },
  same_email: { message: "That is already your address.", field: "email" },

  // Auth (Supabase Auth error codes)
  // The auth server did not answer, or answered 5xx (lib/auth/service.ts): not the user's fault.
  auth_unavailable: { message: "We can’t reach the sign-in service. Try again." },
  invalid_credentials: {
    // One message for unknown email and wrong password: do not reveal which accounts exist.
    message: "That email and password do not match an account.",
  },
  email_not_confirmed: {
    message: "Confirm your email first: we sent you a link when you signed up.",
  },
  weak_password: { message: "Choose a stronger password.", field: "password" },
  same_password: {
    message: "Choose a password you have not used here before.",
    field: "password",
  },
  over_email_send_rate_limit: { message: "Too many emails sent. Wait a minute and try again." },
  email_not_sent: { message: "We could not send the link. Try again in a moment." },
  sign_up_failed: { message: "Sign-up failed. Try again." },
  reset_link_expired: { message: "Your reset link has expired. Ask for a new one." },
  wrong_current_password: {
    message: "Your current password is not correct.",
    field: "currentPassword",
  },
  // The app's own rate limits (lib/rate-limit); the hint says how long to wait.
  too_many_attempts: { message: "Too many attempts. Try again later.", hintIsMessage: true },
  // consume_rate_limit() called with a bad key or window: a bug, never a user's input.
  invalid_rate_limit: { message: "That did not work. Try again." },

  unexpected: { message: "That did not work. Try again." },
} as const satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof ERRORS;

/** What a failed call reports: a code (PostgREST puts a raised exception's text in `message`, auth errors carry `code`). */
export interface CodedError {
  message: string;
  code?: string | null;
  hint?: string | null;
}

const isErrorCode = (code: unknown): code is ErrorCode =>
  typeof code === "string" && Object.hasOwn(ERRORS, code);

/**
 * The form error for a cause: a code of the table, or an error from the database or
 * the auth server, looked up by its raised code. An unknown code shows `otherwise`,
 * or else the database's hint, or else a generic sentence.
 */
export function describeError(
  cause: ErrorCode | CodedError,
  otherwise?: ErrorCode,
): { message: string; fieldErrors?: Record<string, string> } {
  if (typeof cause === "string") return fromEntry(ERRORS[cause]);
  // Database errors carry the raised code in `message` and a sentence in `hint`;
  // auth errors carry the code in `code` and a sentence in `message`.
  if (isErrorCode(cause.message)) return fromEntry(ERRORS[cause.message], cause.hint);
  if (isErrorCode(cause.code)) return fromEntry(ERRORS[cause.code], cause.hint ?? cause.message);
  if (otherwise) return fromEntry(ERRORS[otherwise]);
  return { message: cause.hint ?? ERRORS.unexpected.message };
}

function fromEntry(entry: ErrorEntry, detail?: string | null) {
  if (entry.hintIsMessage && detail) return { message: detail };
  if (!entry.field) return { message: entry.message };
  return {
    message: entry.message,
    fieldErrors: { [entry.field]: entry.fieldText ?? detail ?? entry.message },
  };
}
