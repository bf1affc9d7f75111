import { Alert } from "@/components/ui/alert";

/**
 * One-time messages carried in the URL after an action moved the user elsewhere.
 * Only the key travels in the URL; every text comes from this table, and a name in
 * a text is the page's own workspace (read from the database), never a URL
 * parameter: `?notice=deleted&name=<anything>` would otherwise let any link put
 * its words on this site's pages. So "deleted" and "left", shown on another page
 * than the workspace's, do not name it.
 */
const notices: Record<string, { tone: "success" | "info"; text: (workspace: string) => string }> = {
  joined: { tone: "success", text: (workspace) => `Welcome to ${workspace}!` },
  left: { tone: "info", text: () => "You left the workspace." },
  deleted: { tone: "info", text: () => "The workspace was deleted." },
  "password-updated": { tone: "success", text: () => "Your password was updated." },
  "link-invalid": {
    tone: "info",
    text: () => "That email link is invalid or has expired. You are still signed in.",
  },
  "account-deleted": {
    tone: "info",
    text: () => "Your account was deleted, and you are signed out. Thank you for using tenantkit.",
  },
  "email-changed": { tone: "success", text: () => "Your email address was changed." },
  "access-lost": {
    tone: "info",
    text: () => "The workspace you last used is no longer available to you at that address.",
  },
};

type Params = Record<string, string | string[] | undefined>;

export function Notice({ params, workspaceName }: { params: Params; workspaceName?: string }) {
  const key = params.notice;
  // Own keys only: `?notice=toString` must not find Object.prototype.toString.
  if (typeof key !== "string" || !Object.hasOwn(notices, key)) return null;
  const notice = notices[key]!;
  return <Alert tone={notice.tone}>{notice.text(workspaceName ?? "the workspace")}</Alert>;
}

/** Query string that carries a known notice key (and nothing else) through the landing redirect. */
export function noticeQuery(params: Params): string {
  return typeof params.notice === "string" && Object.hasOwn(notices, params.notice)
    ? `?notice=${params.notice}`
    : "";
}
