import "server-only";
import { cache } from "react";
import { createClient } from "@/lib/supabase/server";

/** The signed-in user's own profile (the name they chose), read under RLS. Cached per request. */
export const getMyProfile = cache(async (userId: string) => {
  const supabase = await createClient();
  const { data, error } = await supabase
    .from("profiles")
    .select("full_name, email")
    .eq("id", userId)
    .maybeSingle();
  if (error) throw new Error(`Could not load your profile: ${error.message}`);
  return { fullName: data?.full_name ?? null, email: data?.email ?? "" };
});
