import { Link } from "@/components/ui/link";
import { buttonClasses } from "@/components/ui/button";

/**
 * One 404 for every "not here": a URL that does not exist and a workspace or
 * project the user cannot see look exactly the same.
 */
export default function NotFound() {
  return (
    <main
      id="main"
      className="flex min-h-dvh flex-col items-center justify-center gap-4 px-4 text-center"
    >
      <p className="text-sm font-semibold text-zinc-500">404</p>
      <h1 className="text-2xl font-semibold text-zinc-900">Page not found</h1>
      <p className="max-w-sm text-sm text-zinc-600">
        This page does not exist, or you do not have access to it. Check the address, or go back to
        your workspaces.
      </p>
      <Link href="/" className={buttonClasses("primary")}>
        Go to my workspaces
      </Link>
    </main>
  );
}
