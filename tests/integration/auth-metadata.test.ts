/**
 * What sign-up writes into auth.users reaches the app's own tables as it does on
 * hosted Supabase: the name given at sign-up becomes the profile's name. On the
 * postgres driver Supabase Lite stored user metadata as a jsonb *string*, which
 * emptied every profile name (scripts/stack/local-stack.ts explains the fix).
 */
import { createClient } from "@supabase/supabase-js";
import { describe, expect, inject, it } from "vitest";
import type { Database } from "@/lib/supabase/database.types";
import { uniqueEmail } from "../support/clients";
import { literal, runSql } from "../support/sql";

const stack = inject("stack");

describe("sign-up metadata", () => {
  it("is stored as a JSON object, and the profile takes the name from it", async () => {
    const email = uniqueEmail("metadata");
    const client = createClient<Database>(stack.url, stack.publishableKey, {
      auth: { persistSession: false, autoRefreshToken: false },
    });
    const { data, error } = await client.auth.signUp({
      email,
      password: "test-password-1",
      options: { data: { full_name: "Maria Metadata" } },
    });
    expect(error).toBeNull();
    const id = data.user!.id;

    const [user] = await runSql<{ kind: string }>(
      stack,
      `select jsonb_typeof(raw_user_meta_data) as kind from auth.users where id = ${literal(id)}`,
    );
    expect(user?.kind).toBe("object");
    const [profile] = await runSql<{ full_name: string | null }>(
      stack,
      `select full_name from public.profiles where id = ${literal(id)}`,
    );
    expect(profile?.full_name).toBe("Maria Metadata");
  });
});
