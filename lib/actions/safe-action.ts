import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requirePlatformAdmin } from "@/lib/admin/guard";
import { requireUser, type CurrentUser } from "@/lib/auth/session";
import { formValues, parseForm, type FormState } from "@/lib/forms";
import { createClient, type Supabase } from "@/lib/supabase/server";
import { requireWorkspace } from "@/lib/workspaces/context";
import type { Workspace } from "@/lib/workspaces/queries";
import { describeError, type CodedError, type ErrorCode } from "./errors";

/*
 * The wrappers every server action is written with. They do the steps every action
 * repeats, in this order: resolve the signed-in user (and the workspace from the URL
 * slug, checked against the session: not a member is a 404), validate the form with
 * zod, hand the action a Supabase client acting as the user, turn its outcome into the
 * FormState the forms render (values kept, passwords never echoed, coded errors through
 * lib/actions/errors.ts), and revalidate after a change. The action itself is its core
 * lines; RLS and the RPCs decide what it may really do.
 */

/** What an action's body returns; build it with ok(), fail() or redirectTo(). */
export type Outcome =
  | { kind: "ok"; message: string }
  | { kind: "fail"; cause: ErrorCode | CodedError; otherwise?: ErrorCode }
  | { kind: "redirect"; to: string };

/** Success: the form shows `message`. */
export const ok = (message: string): Outcome => ({ kind: "ok", message });

/**
 * Failure: a code of lib/actions/errors.ts, or the error a query or RPC returned (its
 * raised code is looked up there; an unknown one shows `otherwise`).
 */
export const fail = (cause: ErrorCode | CodedError, otherwise?: ErrorCode): Outcome => ({
  kind: "fail",
  cause,
  otherwise,
});

/** Success that moves the user elsewhere (after revalidation). */
export const redirectTo = (to: string): Outcome => ({ kind: "redirect", to });

/** The schema of a form that is only a button (sign out everywhere, manage billing). */
export const buttonOnlySchema = z.object({});

/**
 * What to refresh after a successful change: the workspace's pages, every page (names
 * in the switcher), or the operator console's.
 */
type Revalidate = "workspace" | "everything" | "admin";

interface Options<Schema extends z.ZodType> {
  schema: Schema;
  revalidate?: Revalidate;
}

interface FormContext<Data> {
  data: Data;
  formData: FormData;
  supabase: Supabase;
}

type ActionBody<Context> = (context: Context) => Promise<Outcome>;

async function settle(
  outcome: Outcome,
  formData: FormData,
  revalidate: string | null,
): Promise<FormState> {
  if (outcome.kind === "fail") {
    return {
      status: "error",
      ...describeError(outcome.cause, outcome.otherwise),
      values: formValues(formData),
    };
  }
  if (revalidate) revalidatePath(revalidate, "layout");
  if (outcome.kind === "redirect") redirect(outcome.to);
  return { status: "success", message: outcome.message };
}

const revalidatePathFor = (revalidate: Revalidate | undefined, slug?: string) =>
  revalidate === "everything"
    ? "/"
    : revalidate === "admin"
      ? "/admin"
      : revalidate === "workspace" && slug
        ? `/w/${slug}`
        : null;

/**
 * An action inside a workspace. The page binds the slug:
 * `action={renameProject.bind(null, workspace.slug)}`.
 */
export function workspaceAction<Schema extends z.ZodType>(
  options: Options<Schema>,
  body: ActionBody<
    FormContext<z.infer<Schema>> & { user: CurrentUser; workspace: Workspace; slug: string }
  >,
): (slug: string, previous: FormState, formData: FormData) => Promise<FormState> {
  return async (slug, _previous, formData) => {
    const { user, workspace } = await requireWorkspace(slug);
    const parsed = parseForm(options.schema, formData);
    if (!parsed.ok) return parsed.state;
    const supabase = await createClient();
    const outcome = await body({ data: parsed.data, formData, supabase, user, workspace, slug });
    return settle(outcome, formData, revalidatePathFor(options.revalidate, workspace.slug));
  };
}

/** An action of a signed-in user outside any workspace (create a workspace, accept an invitation). */
export function userAction<Schema extends z.ZodType>(
  options: Options<Schema>,
  body: ActionBody<FormContext<z.infer<Schema>> & { user: CurrentUser }>,
): (previous: FormState, formData: FormData) => Promise<FormState> {
  return async (_previous, formData) => {
    const user = await requireUser();
    const parsed = parseForm(options.schema, formData);
    if (!parsed.ok) return parsed.state;
    const supabase = await createClient();
    const outcome = await body({ data: parsed.data, formData, supabase, user });
    return settle(outcome, formData, revalidatePathFor(options.revalidate));
  };
}

/**
 * An action of the operator console (/admin): a platform admin only, anyone else gets
 * the 404 of a missing page. The Supabase client acts as the operator (their JWT); the
 * operator RPCs check platform admin again and log what they do.
 */
export function operatorAction<Schema extends z.ZodType>(
  options: Options<Schema>,
  body: ActionBody<FormContext<z.infer<Schema>> & { operator: CurrentUser }>,
): (previous: FormState, formData: FormData) => Promise<FormState> {
  return async (_previous, formData) => {
    const operator = await requirePlatformAdmin();
    const parsed = parseForm(options.schema, formData);
    if (!parsed.ok) return parsed.state;
    const supabase = await createClient();
    const outcome = await body({ data: parsed.data, formData, supabase, operator });
    return settle(outcome, formData, revalidatePathFor(options.revalidate ?? "admin"));
  };
}

/** A form anyone may submit, signed in or not (sign-in, sign-up, magic link, password reset). */
export function formAction<Schema extends z.ZodType>(
  options: Options<Schema>,
  body: ActionBody<FormContext<z.infer<Schema>>>,
): (previous: FormState, formData: FormData) => Promise<FormState> {
  return async (_previous, formData) => {
    const parsed = parseForm(options.schema, formData);
    if (!parsed.ok) return parsed.state;
    const supabase = await createClient();
    const outcome = await body({ data: parsed.data, formData, supabase });
    return settle(outcome, formData, revalidatePathFor(options.revalidate));
  };
}
