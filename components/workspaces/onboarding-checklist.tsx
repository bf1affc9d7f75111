import { Link } from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import { FocusLink } from "@/components/ui/focus-link";
import { HideOnboardingButton } from "@/components/workspaces/hide-onboarding-button";
import type { OnboardingStep } from "@/lib/workspaces/onboarding";

function Check({ done }: { done: boolean }) {
  return done ? (
    <span
      className="grid size-5 shrink-0 place-items-center rounded-full bg-emerald-100 text-emerald-800"
      aria-hidden
    >
      <svg viewBox="0 0 20 20" fill="currentColor" className="size-3.5">
        <path d="M16.7 5.3a1 1 0 010 1.4l-8 8a1 1 0 01-1.4 0l-4-4a1 1 0 111.4-1.4L8 12.6l7.3-7.3a1 1 0 011.4 0z" />
      </svg>
    </span>
  ) : (
    <span className="size-5 shrink-0 rounded-full border-2 border-zinc-300" aria-hidden />
  );
}

/** A new workspace's first steps, ticked from what it holds (lib/workspaces/onboarding.ts). */
export function OnboardingChecklist({
  workspaceId,
  workspaceName,
  steps,
}: {
  workspaceId: string;
  workspaceName: string;
  steps: OnboardingStep[];
}) {
  const done = steps.filter((step) => step.done).length;
  return (
    <Card className="p-4">
      <section aria-labelledby="onboarding-title" className="space-y-3">
        <div className="flex items-start justify-between gap-2">
          <div>
            <h2 id="onboarding-title" className="text-sm font-semibold text-zinc-900">
              Get {workspaceName} started
            </h2>
            <p className="text-xs text-zinc-600">
              {done} of {steps.length} done
            </p>
          </div>
          <HideOnboardingButton workspaceId={workspaceId} />
        </div>
        <ol className="space-y-2">
          {steps.map((step) => (
            <li key={step.id} className="flex items-center gap-2 text-sm">
              <Check done={step.done} />
              <span className={step.done ? "text-zinc-500 line-through" : "text-zinc-900"}>
                {step.href && !step.done ? (
                  <Link href={step.href} className="font-medium underline underline-offset-2">
                    {step.label}
                  </Link>
                ) : step.id === "project" && !step.done ? (
                  <FocusLink
                    target="new-project-name"
                    className="font-medium underline underline-offset-2"
                  >
                    {step.label}
                  </FocusLink>
                ) : (
                  step.label
                )}
                {step.optional && <span className="text-zinc-500"> (optional)</span>}
                <span className="sr-only">{step.done ? ": done" : ": to do"}</span>
              </span>
            </li>
          ))}
        </ol>
      </section>
    </Card>
  );
}
