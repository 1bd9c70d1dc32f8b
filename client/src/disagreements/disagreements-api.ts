// GET api/disagreements, with the same error type as the rest of the client.
import type { DisagreementsResponse, ErrorBody } from "../../../contract/api.ts";
import { ApiError } from "../api/api-client.ts";

export async function fetchDisagreements(signal?: AbortSignal): Promise<DisagreementsResponse> {
  let res: Response;
  try {
    res = await fetch("api/disagreements", { signal, headers: { Accept: "application/json" } });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError("NETWORK", "Could not reach the server.", 0);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as Partial<ErrorBody> | null;
    throw new ApiError(
      body?.error?.code ?? `HTTP_${res.status}`,
      body?.error?.message ?? `The server answered ${res.status} for the disagreements.`,
      res.status,
    );
  }
  return (await res.json()) as DisagreementsResponse;
}
