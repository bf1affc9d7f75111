import "server-only";
import { billingDay } from "@/lib/billing/entitlements";
import { MeterError, type MeteredMetric, type UsageMeter } from "./meter";

/** The answer's headers about the allowance (on success and on refusal). */
function allowanceHeaders(result: { used: number; limit: number | null; resetsAt: Date }) {
  const headers = new Headers({ "X-Quota-Reset": result.resetsAt.toISOString() });
  if (result.limit !== null) {
    headers.set("X-Quota-Limit", String(result.limit));
    headers.set("X-Quota-Remaining", String(Math.max(0, result.limit - result.used)));
  }
  return headers;
}

/**
 * Runs `handler` only if the workspace's monthly allowance of `metric` has room for
 * `amount`, taking it first. Spent: 429 with Retry-After (seconds until the month
 * resets) and a sentence saying when. The meter failing is a 503: the allowance is
 * never skipped because it could not be checked.
 */
export async function withQuota(
  meter: UsageMeter,
  request: { workspaceId: string; metric: MeteredMetric; amount?: number },
  handler: () => Promise<Response>,
): Promise<Response> {
  let result;
  try {
    result = await meter.consume(request.workspaceId, request.metric, request.amount ?? 1);
  } catch (error) {
    const detail = error instanceof MeterError ? error.message : String(error);
    console.error(`quota: ${request.metric} could not be checked: ${detail}`);
    return Response.json(
      { error: "quota_unavailable", message: "Usage could not be checked. Try again shortly." },
      { status: 503, headers: { "Retry-After": "5" } },
    );
  }
  const headers = allowanceHeaders(result);
  if (!result.allowed) {
    const seconds = Math.max(1, Math.ceil((result.resetsAt.getTime() - Date.now()) / 1000));
    headers.set("Retry-After", String(seconds));
    return Response.json(
      {
        error: "quota_exceeded",
        message: `This workspace has used its ${result.limit?.toLocaleString("en-US")} API requests for this month. The allowance resets on ${billingDay(result.resetsAt)}; upgrade the plan for more.`,
        resetsAt: result.resetsAt.toISOString(),
      },
      { status: 429, headers },
    );
  }
  const response = await handler();
  for (const [name, value] of headers) response.headers.set(name, value);
  return response;
}
