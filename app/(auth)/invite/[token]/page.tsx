import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { AcceptInvitationForm } from "@/components/invitations/accept-form";
import { ActionForm } from "@/components/ui/action-form";
import { Button, buttonClasses } from "@/components/ui/button";
import { signOutAndReturn } from "@/lib/auth/actions";
import { getCurrentUser } from "@/lib/auth/session";
import { acceptInvitation, proveEmailAndAccept, sendEmailCode } from "@/lib/invitations/actions";
import { getInvitation, type InvitationStatus } from "@/lib/invitations/queries";

export const metadata: Metadata = { title: "Invitation" };

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold text-zinc-900">{title}</h1>
      {children}
    </div>
  );
}

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "long" });

const closedInvitationCopy: Record<Exclude<InvitationStatus, "pending">, [string, string]> = {
  expired: [
    "This invitation has expired",
    "Invitations are valid for 7 days. Ask someone in the workspace to invite you again.",
  ],
  revoked: [
    "This invitation was revoked",
    "The workspace withdrew it. Ask someone there if you think this is a mistake.",
  ],
  accepted: [
    "This invitation was already used",
    "Each invitation link works once. If you accepted it, the workspace is in your list.",
  ],
};

export default async function InvitationPage({ params }: PageProps<"/invite/[token]">) {
  const { token } = await params;
  const here = `/invite/${token}`;
  const [user, invitation] = await Promise.all([getCurrentUser(), getInvitation(token)]);
  const home = user ? "/" : "/sign-in";
  const homeLabel = user ? "Go to my workspaces" : "Sign in";

  if (!invitation) {
    return (
      <Panel title="Invitation not found">
        <p className="text-sm text-zinc-600">
          This link does not match any invitation. Check that you copied the whole link, or ask for
          a new invitation.
        </p>
        <Link href={home} className={buttonClasses("secondary")}>
          {homeLabel}
        </Link>
      </Panel>
    );
  }

  if (invitation.status !== "pending") {
    const [title, explanation] = closedInvitationCopy[invitation.status];
    return (
      <Panel title={title}>
        <p className="text-sm text-zinc-600">{explanation}</p>
        <Link href={home} className={buttonClasses("secondary")}>
          {homeLabel}
        </Link>
      </Panel>
    );
  }

  const invitedAs = (
    <>
      {invitation.inviter ?? "Someone"} invited you to join{" "}
      <strong>{invitation.workspaceName}</strong> as{" "}
      {invitation.role === "admin" ? "an admin" : `a ${invitation.role}`}. The invitation expires on{" "}
      {dateFormat.format(new Date(invitation.expiresAt))}.
    </>
  );

  if (!user) {
    // Signed out, the address is shown in full (get_invitation): sign-up fills it in.
    const next = encodeURIComponent(here);
    return (
      <Panel title={`Join ${invitation.workspaceName}`}>
        <p className="text-sm text-zinc-600">{invitedAs}</p>
        <p className="text-sm text-zinc-600">
          Create an account or sign in with <strong>{invitation.email}</strong>, the address the
          invitation was sent to, and you will come back here to accept it.
        </p>
        <div className="grid gap-2">
          <Link href={`/sign-up?next=${next}`} className={buttonClasses("primary", "md", "w-full")}>
            Create an account
          </Link>
          <Link
            href={`/sign-in?next=${next}`}
            className={buttonClasses("secondary", "md", "w-full")}
          >
            I already have an account
          </Link>
        </div>
      </Panel>
    );
  }

  if (!invitation.emailMatches) {
    return (
      <Panel title="This invitation is for another account">
        <p className="text-sm text-zinc-600">
          It was sent to <strong>{invitation.email}</strong>, but you are signed in as{" "}
          <strong>{user.email}</strong>. Sign in with the invited address to accept it.
        </p>
        <form action={signOutAndReturn.bind(null, here)}>
          <Button type="submit" className="w-full">
            Sign in as someone else
          </Button>
        </form>
      </Panel>
    );
  }

  if (!invitation.emailProven) {
    return (
      <Panel title="Confirm your email address first">
        <p className="text-sm text-zinc-600">
          Your account&rsquo;s address, <strong>{user.email}</strong>, changed since it was last
          confirmed. To join <strong>{invitation.workspaceName}</strong>, enter the code we email to
          that address.
        </p>
        <ActionForm
          action={sendEmailCode}
          fields={{ token }}
          label="Email me a code"
          pendingLabel="Sending…"
        />
        <ActionForm
          action={proveEmailAndAccept}
          fields={{ token }}
          label={`Confirm and join ${invitation.workspaceName}`}
          pendingLabel="Joining…"
          variant="primary"
        >
          <input
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            aria-label="Code from the email"
            placeholder="Code"
            className="w-32 rounded-md border border-zinc-300 px-3 py-1.5 text-sm"
          />
        </ActionForm>
      </Panel>
    );
  }

  return (
    <Panel title={`Join ${invitation.workspaceName}`}>
      <p className="text-sm text-zinc-600">{invitedAs}</p>
      <AcceptInvitationForm
        action={acceptInvitation}
        token={token}
        workspaceName={invitation.workspaceName}
      />
      <p className="text-xs text-zinc-500">Signed in as {user.email}</p>
    </Panel>
  );
}
