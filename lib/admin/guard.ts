import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { createClient } from "@/lib/supabase/server";

/**
 * The operator console's gate, asked by its layout, every page and every action
 * (a layout alone does not re-run on client navigation). Anyone who is not a
 * platform admin, signed out included, gets the app's ordinary 404: the console's
 * existence is not advertised. The database decides (public.is_platform_admin(),
 * platform.platform_admins), and every operator RPC asks it again itself.
 */
export const requirePlatformAdmin = cache(async (): Promise<CurrentUser> => {
  const user = await getCurrentUser();
  if (!user) notFound();
  const supabase = await createClient();
  const { data, error } = await supabase.rpc("is_platform_admin");
  if (error) throw new Error(`is_platform_admin: ${error.message}`);
  if (data !== true) notFound();
  return user;
});
