import type { Metadata } from "next";
import { cookies } from "next/headers";
import { Link } from "@/components/ui/link";
import {
  ChangeEmailForm,
  DeleteAccount,
  ProfileForm,
  SignOutEverywhereForm,
} from "@/components/account/account-forms";
import { Logo } from "@/components/logo";
import { Notice } from "@/components/notice";
import { ThemeToggle } from "@/components/theme-toggle";
import { Avatar } from "@/components/ui/avatar";
import { Card } from "@/components/ui/card";
import { getMyProfile, getSoleOwnedWorkspaces } from "@/lib/account/queries";
import {
  changeEmail,
  deleteMyAccount,
  signOutEverywhere,
  updateProfile,
} from "@/lib/account/actions";
import { requireUser } from "@/lib/auth/session";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";

export const metadata: Metadata = { title: "Account settings" };

/** The signed-in person's own settings, the same in every workspace. */
export default async function AccountPage({ searchParams }: PageProps<"/account">) {
  const user = await requireUser();
  const [profile, soleOwned, cookieStore, params] = await Promise.all([
    getMyProfile(user.id),
    getSoleOwnedWorkspaces(user.id),
    cookies(),
    searchParams,
  ]);
  return (
    <div className="min-h-dvh">
      <header className="border-b border-zinc-200 bg-white">
        <div className="mx-auto flex h-14 max-w-3xl items-center justify-between gap-4 px-4">
          <Link href="/" className="rounded focus-visible:outline-2 focus-visible:outline-zinc-900">
            <Logo />
          </Link>
          <Link href="/" className="text-sm text-zinc-600 underline-offset-4 hover:underline">
            ← Back to your workspace
          </Link>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-3xl space-y-6 px-4 py-8">
        <Notice params={params} />
        <div className="flex items-center gap-4">
          <Avatar name={profile.fullName ?? user.email} className="size-12 text-base" />
          <div className="min-w-0">
            <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">
              Account settings
            </h1>
            <p className="truncate text-sm text-zinc-600">{user.email}</p>
          </div>
        </div>

        <Card className="space-y-4 p-6">
          <div>
            <h2 className="text-base font-semibold text-zinc-900">Profile</h2>
            <p className="text-sm text-zinc-600">
              Your name is what your co-members see beside your email address. Your initials stand
              in for a picture.
            </p>
          </div>
          <ProfileForm action={updateProfile} fullName={profile.fullName ?? ""} />
        </Card>

        <Card className="flex flex-wrap items-center justify-between gap-4 p-6">
          <div>
            <h2 className="text-base font-semibold text-zinc-900">Appearance</h2>
            <p className="text-sm text-zinc-600">Light, dark, or whatever your system uses.</p>
          </div>
          <ThemeToggle initial={parseTheme(cookieStore.get(THEME_COOKIE)?.value)} />
        </Card>

        <Card className="space-y-4 p-6">
          <div>
            <h2 className="text-base font-semibold text-zinc-900">Sign-in and security</h2>
            <p className="text-sm text-zinc-600">
              You sign in as {user.email}. Changing your password signs out your other devices.
            </p>
          </div>
          <div className="flex flex-wrap gap-3">
            <Link
              href="/change-password"
              className="inline-flex h-8 items-center rounded-md border border-zinc-300 bg-white px-3 text-sm font-medium text-zinc-900 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-zinc-900"
            >
              Change password
            </Link>
            <SignOutEverywhereForm action={signOutEverywhere} />
          </div>
        </Card>

        <Card className="space-y-4 p-6">
          <div>
            <h2 className="text-base font-semibold text-zinc-900">Email address</h2>
            <p className="text-sm text-zinc-600">
              You sign in and get invitations at {user.email}. A new address takes effect once you
              open the confirmation link we email.
            </p>
          </div>
          <ChangeEmailForm action={changeEmail} email={user.email} />
        </Card>

        <Card className="space-y-4 border-red-200 p-6">
          <div>
            <h2 className="text-base font-semibold text-zinc-900">Delete account</h2>
            <p className="text-sm text-zinc-600">
              Deletes your account and your memberships. The workspaces keep their projects and
              their activity history.
            </p>
          </div>
          {soleOwned.length > 0 ? (
            <div className="space-y-2 text-sm text-zinc-700" id="delete-account-blocked">
              <p>
                You can’t delete your account yet: you are the only owner of{" "}
                {soleOwned.length === 1 ? "this workspace" : "these workspaces"}. For each, make
                another member its owner (Settings → Members) or delete the workspace (Settings).
              </p>
              <ul className="list-disc space-y-1 pl-5">
                {soleOwned.map((workspace) => (
                  <li key={workspace.slug}>
                    <Link
                      href={`/w/${workspace.slug}/settings`}
                      className="font-medium text-zinc-900 underline underline-offset-4"
                    >
                      {workspace.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <DeleteAccount action={deleteMyAccount} email={user.email} />
          )}
        </Card>
      </main>
    </div>
  );
}
