// What a workspace is on disk and in localStorage: the nodes in view with positions and hidden/pinned flags, the
// relations among them (with evidence), filters, style rule, the timeline brush and the camera. Pure: building
// one from plain data, and reading one back with every field checked, so a bad file changes nothing.
import { z } from "zod";
import type { FilterState } from "../state/filters.ts";
import type { SavedView } from "../state/graph-store.ts";
import type { StyleRule } from "../state/style-rules.ts";

export const WORKSPACE_FORMAT = "kg-explorer/workspace" as const;
export const WORKSPACE_VERSION = 1 as const;

const MODALITIES = ["asserted", "claimed", "alleged", "suspected", "denied", "disputed"] as const;

const propertyValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(propertyValue), z.record(z.string(), propertyValue)]),
);
const properties = z.record(z.string(), propertyValue);

const evidence = z.object({
  source: z.string(),
  quote: z.string(),
  attributedTo: z.string().nullable(),
  modality: z.enum(MODALITIES),
  reportedAt: z.string().nullable(),
});

const node = z.object({
  id: z.string().min(1),
  labels: z.array(z.string()),
  name: z.string(),
  properties,
  x: z.number().finite(),
  y: z.number().finite(),
  userHidden: z.boolean().optional(),
  fixed: z.boolean().optional(),
  // A big view left this element's long text on the server: kept so the inspector and exports still fetch it.
  detailsDeferred: z.literal(true).optional(),
});

const edge = z.object({
  id: z.string().min(1),
  type: z.string(),
  source: z.string(),
  target: z.string(),
  properties,
  evidence: z.array(evidence),
  detailsDeferred: z.literal(true).optional(),
});

const filters = z.object({
  hiddenNodeTypes: z.array(z.string()),
  hiddenEdgeTypes: z.array(z.string()),
  hiddenModalities: z.array(z.enum(MODALITIES)),
  onlySources: z.array(z.string()).nullable(),
  showSourceNodes: z.boolean(),
});

export const WorkspaceFileSchema = z.object({
  format: z.literal(WORKSPACE_FORMAT),
  version: z.literal(WORKSPACE_VERSION),
  name: z.string().min(1).max(200),
  savedAt: z.string(),
  nodes: z.array(node),
  edges: z.array(edge),
  filters,
  styleRule: z.object({ property: z.string(), scale: z.enum(["viridis", "cividis", "oranges"]) }).nullable(),
  /** The timeline brush as the URL writes it (`2024-01-01..2024-12-31`), or null. */
  timeRange: z.string().nullable(),
  hideUndated: z.boolean(),
  camera: z
    .object({
      x: z.number().finite(),
      y: z.number().finite(),
      ratio: z.number().positive(),
      angle: z.number().finite(),
    })
    .nullable(),
});

export type WorkspaceFile = z.infer<typeof WorkspaceFileSchema>;
export type WorkspaceFilters = WorkspaceFile["filters"];

export function filtersToFile(f: FilterState): WorkspaceFilters {
  return {
    hiddenNodeTypes: [...f.hiddenNodeTypes],
    hiddenEdgeTypes: [...f.hiddenEdgeTypes],
    hiddenModalities: [...f.hiddenModalities],
    onlySources: f.onlySources ? [...f.onlySources] : null,
    showSourceNodes: f.showSourceNodes,
  };
}

export function filtersFromFile(f: WorkspaceFilters): FilterState {
  return {
    hiddenNodeTypes: new Set(f.hiddenNodeTypes),
    hiddenEdgeTypes: new Set(f.hiddenEdgeTypes),
    hiddenModalities: new Set(f.hiddenModalities),
    onlySources: f.onlySources ? new Set(f.onlySources) : null,
    showSourceNodes: f.showSourceNodes,
  };
}

/** The view part of a workspace, as the store's `restoreView` takes it. */
export function savedViewOf(w: WorkspaceFile): SavedView {
  return {
    nodes: w.nodes as SavedView["nodes"],
    edges: w.edges as SavedView["edges"],
    filters: filtersFromFile(w.filters),
    styleRule: w.styleRule as StyleRule | null,
  };
}

export class WorkspaceFileError extends Error {}

/** Reads a workspace from text, or throws a WorkspaceFileError saying what is wrong (never a partial result). */
export function parseWorkspaceFile(text: string): WorkspaceFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new WorkspaceFileError("workspace: the file is not JSON.");
  }
  if (!raw || typeof raw !== "object" || (raw as { format?: unknown }).format !== WORKSPACE_FORMAT)
    throw new WorkspaceFileError(
      `workspace: this is not a kg-explorer workspace file (no "format": "${WORKSPACE_FORMAT}").`,
    );
  if ((raw as { version?: unknown }).version !== WORKSPACE_VERSION)
    throw new WorkspaceFileError(`workspace: unsupported version ${String((raw as { version?: unknown }).version)}.`);
  const parsed = WorkspaceFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new WorkspaceFileError(`workspace: invalid file at ${issue.path.join(".") || "(top)"}: ${issue.message}.`);
  }
  const w = parsed.data;
  const ids = new Set(w.nodes.map((n) => n.id));
  if (ids.size !== w.nodes.length) throw new WorkspaceFileError("workspace: invalid file: a node id appears twice.");
  const dangling = w.edges.find((e) => !ids.has(e.source) || !ids.has(e.target));
  if (dangling)
    throw new WorkspaceFileError(`workspace: invalid file: relation ${dangling.id} points to a missing node.`);
  return w;
}
