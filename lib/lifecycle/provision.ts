/**
 * Provisioning a workspace (public.provision_workspace(), service role): shared by
 * `npm run tenant -- provision` and the platform API (lib/supabase/admin.ts), which
 * differ only in how they hold the service-role client and send email. No
 * `server-only` here: the command imports it too (relative imports, for the same reason).
 */
import type { SupabaseClient } from "@supabase/supabase-js";
import { invitationEmail } from "../email/templates";
import type { Database } from "../supabase/database.types";
import { workspaceDefaults } from "./defaults";
import { provisionResultSchema, type ProvisionInput } from "./validation";

export type ProvisionOutcome =
  | {
      ok: true;
      created: boolean;
      id: string;
      slug: string;
      url: string;
      owner: "member" | "invited";
      /** Set when an owner invitation was created and emailed. */
      invitationUrl?: string;
    }
  | { ok: false; code: string; message: string };

export interface ProvisionDeps {
  supabase: SupabaseClient<Database>;
  siteUrl: string;
  /** Recorded in the platform log as `by`. */
  by: string;
  sendEmail: (message: {
    to: string;
    subject: string;
    html: string;
    text: string;
  }) => Promise<void>;
}

export async function provisionWorkspace(
  input: ProvisionInput,
  { supabase, siteUrl, by, sendEmail }: ProvisionDeps,
): Promise<ProvisionOutcome> {
  const { data, error } = await supabase.rpc("provision_workspace", {
    slug: input.slug,
    name: input.name,
    plan: input.plan,
    owner_email: input.owner,
    defaults: workspaceDefaults(input.plan),
    by,
  });
  if (error) return { ok: false, code: error.message, message: error.hint ?? error.message };
  const result = provisionResultSchema.parse(data);
  const url = `${siteUrl}/w/${result.slug}`;
  if (!result.token) return { ok: true, ...result, url };
  const invitationUrl = `${siteUrl}/invite/${result.token}`;
  await sendEmail({
    to: input.owner,
    ...invitationEmail({
      workspaceName: input.name,
      inviterName: "tenantkit",
      role: "owner",
      url: invitationUrl,
      expiresAt: new Date(Date.now() + 7 * 24 * 3600 * 1000),
    }),
  });
  return {
    ok: true,
    created: result.created,
    id: result.id,
    slug: result.slug,
    url,
    owner: result.owner,
    invitationUrl,
  };
}
