import { Alert } from "@/components/ui/alert";

/** One-time messages carried in the URL after an action moved the user elsewhere. */
const notices: Record<string, { tone: "success" | "info"; text: (name: string) => string }> = {
  joined: { tone: "success", text: (name) => `Welcome to ${name}!` },
  left: { tone: "info", text: (name) => `You left ${name}.` },
  deleted: { tone: "info", text: (name) => `${name} was deleted.` },
  "password-updated": { tone: "success", text: () => "Your password was updated." },
  "access-lost": {
    tone: "info",
    text: () => "The workspace you last used is no longer available to you at that address.",
  },
};

export function Notice({
  params,
  workspaceName,
}: {
  params: Record<string, string | string[] | undefined>;
  workspaceName?: string;
}) {
  const notice = typeof params.notice === "string" ? notices[params.notice] : undefined;
  if (!notice) return null;
  const name =
    typeof params.name === "string" ? params.name.slice(0, 80) : (workspaceName ?? "the workspace");
  return <Alert tone={notice.tone}>{notice.text(name)}</Alert>;
}

/** Query string that carries a notice through the landing redirect. */
export function noticeQuery(params: Record<string, string | string[] | undefined>): string {
  const query = new URLSearchParams();
  if (typeof params.notice === "string" && params.notice in notices)
    query.set("notice", params.notice);
  if (typeof params.name === "string") query.set("name", params.name.slice(0, 80));
  const text = query.toString();
  return text ? `?${text}` : "";
}
