import "server-only";
import { after } from "next/server";
import { getBillingAccount, seatsInUse } from "@/lib/supabase/admin";
import { billingConfig } from "./config";
import { syncSeatQuantity } from "./stripe";

/**
 * After a change of members or invitations, the workspace's Stripe subscription
 * quantity follows the seats in use (Stripe prorates). Runs after the response
 * (next/server `after`), so a slow Stripe never slows the form; a failure is logged
 * and the next change, or the Stripe webhook's quantity, sets it right.
 */
export function followSeats(workspaceId: string): void {
  const config = billingConfig();
  if (!config) return;
  after(async () => {
    try {
      const account = await getBillingAccount(workspaceId);
      if (!account?.subscriptionId) return;
      await syncSeatQuantity(config, {
        subscriptionId: account.subscriptionId,
        seats: await seatsInUse(workspaceId),
      });
    } catch (error) {
      console.error(`seats of ${workspaceId}: ${String(error)}`);
    }
  });
}
