// GET api/disagreements, through the client's one request function.
import type { DisagreementsResponse } from "../../../contract/api.ts";
import { requestJson } from "../api/api-client.ts";

export function fetchDisagreements(signal?: AbortSignal): Promise<DisagreementsResponse> {
  return requestJson<DisagreementsResponse>("api/disagreements", { signal });
}
