import { z } from "zod";

/**
 * Public configuration, validated once. NEXT_PUBLIC_* values are referenced
 * literally so Next.js can inline them into the browser bundle.
 */
const publicEnvSchema = z.object({
  NEXT_PUBLIC_SUPABASE_URL: z.url({ message: "NEXT_PUBLIC_SUPABASE_URL must be a URL" }),
  NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: z
    .string({ message: "NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY is not set" })
    .min(1, "NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY is not set"),
  NEXT_PUBLIC_SITE_URL: z.url().default("http://localhost:3000"),
});

export type PublicEnv = z.infer<typeof publicEnvSchema>;

let cached: PublicEnv | undefined;

export function publicEnv(): PublicEnv {
  if (cached) return cached;
  const parsed = publicEnvSchema.safeParse({
    NEXT_PUBLIC_SUPABASE_URL: process.env.NEXT_PUBLIC_SUPABASE_URL,
    NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY,
    NEXT_PUBLIC_SITE_URL: process.env.NEXT_PUBLIC_SITE_URL || undefined,
  });
  if (!parsed.success) {
    throw new Error(
      `Invalid environment (see .env.example): ${parsed.error.issues.map((issue) => issue.message).join("; ")}`,
    );
  }
  cached = parsed.data;
  return cached;
}
