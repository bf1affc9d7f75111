import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Notice, noticeQuery } from "@/components/notice";

const render = (params: Record<string, string>, workspaceName?: string) =>
  renderToStaticMarkup(createElement(Notice, { params, workspaceName }));

describe("notices carried in the URL", () => {
  it("never show text taken from the URL", () => {
    const forged = { notice: "deleted", name: "Your account is locked. Call +1 555 0100" };
    const html = render(forged);
    expect(html).toContain("The workspace was deleted.");
    expect(html).not.toContain("locked");
    expect(render({ notice: "left", name: "Evil" })).not.toContain("Evil");
    expect(render({ notice: "joined", name: "Evil" }, "Acme")).toContain("Welcome to Acme!");
    expect(render({ notice: "joined", name: "Evil" }, "Acme")).not.toContain("Evil");
  });

  it("show nothing for an unknown key", () => {
    expect(render({ notice: "toString" })).toBe("");
    expect(render({ notice: "<b>hi</b>" })).toBe("");
  });

  it("carry only a known key through the landing redirect", () => {
    expect(noticeQuery({ notice: "deleted", name: "Evil" })).toBe("?notice=deleted");
    expect(noticeQuery({ notice: "constructor" })).toBe("");
    expect(noticeQuery({})).toBe("");
  });
});
