import { notFound } from "next/navigation";

/**
 * Any other path inside a workspace: a 404 inside the workspace's shell (its nav and
 * switcher stay), rendered by ../not-found.tsx. A workspace the user is not in never
 * gets here: its layout answers the site's 404 first.
 */
export default function MissingWorkspacePage(): never {
  notFound();
}
