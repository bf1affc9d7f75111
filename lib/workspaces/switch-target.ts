/**
 * Where the workspace switcher goes: the same section of the other workspace
 * (members → members), never a page of one record (a project or an activity entry of
 * this workspace does not exist in the other one), else the other workspace's home.
 */
const SECTIONS = ["/activity", "/settings/members", "/settings/billing", "/settings"] as const;

export function switchTarget(pathname: string, currentSlug: string, targetSlug: string): string {
  const base = `/w/${currentSlug}`;
  const rest =
    pathname === base || pathname.startsWith(`${base}/`) ? pathname.slice(base.length) : "";
  const section = SECTIONS.find(
    (candidate) => rest === candidate || rest.startsWith(`${candidate}/`),
  );
  // A record page (/activity/123) keeps only its section.
  return `/w/${targetSlug}${section ?? ""}`;
}
