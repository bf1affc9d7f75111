"use server";

import { fail, operatorAction, redirectTo } from "@/lib/actions/safe-action";
import { closeSupportGrantSchema, openSupportGrantSchema } from "./validation";

const supportPage = (organizationId: string) => `/admin/tenants/${organizationId}/support`;

/** The database checks platform admin, the reason and the duration, and logs the grant in both logs. */
export const openSupportGrant = operatorAction(
  { schema: openSupportGrantSchema },
  async ({ data, supabase }) => {
    const { error } = await supabase.rpc("admin_open_support_grant", {
      org: data.organizationId,
      reason: data.reason,
      minutes: data.minutes,
    });
    if (error) return fail(error);
    return redirectTo(supportPage(data.organizationId));
  },
);

export const closeSupportGrant = operatorAction(
  { schema: closeSupportGrantSchema },
  async ({ data, supabase }) => {
    const { error } = await supabase.rpc("admin_close_support_grant", { grant_id: data.grantId });
    if (error) return fail(error);
    return redirectTo(supportPage(data.organizationId));
  },
);
