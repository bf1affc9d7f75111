"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { errorState, type FormState } from "@/lib/forms";
import { createClient } from "@/lib/supabase/server";
import { invitationErrorMessage } from "./queries";

export async function acceptInvitation(token: string, _previous: FormState): Promise<FormState> {
  await requireUser();
  const supabase = await createClient();
  const { data, error } = await supabase.rpc("accept_invitation", { token });
  if (error) return errorState(invitationErrorMessage(error.message));
  redirect(`/w/${(data as { slug: string }).slug}?notice=joined`);
}
