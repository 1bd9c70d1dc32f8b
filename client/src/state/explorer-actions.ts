// What the toolbar, search and inspector ask for that needs both the API and the store: expanding a node (asking
// the user to choose when it has many neighbours), bringing a node into view, revealing relations among the nodes
// on screen, and showing one article's sub-graph. Render-less: panels call these and show the outcome.
import type { GraphNode, NeighborsResponse } from "../../../contract/api.ts";
import { api, describeError } from "../api/api-client.ts";
import type { GraphStore } from "./graph-store.ts";
import type { NameDirectory } from "./name-directory.ts";
import type { Notices } from "../ui/notices.ts";

/** Above this many new neighbours, expanding asks what to add instead of flooding the view. */
export const SELECTIVE_EXPAND_THRESHOLD = 25;

export interface ExpandChoice {
  nodeId: string;
  response: NeighborsResponse;
  /** Neighbours not in view yet. */
  newCount: number;
}

export interface ExplorerActions {
  /** Expands a node; resolves to a choice to offer when it has too many new neighbours, else null. */
  expand(nodeId: string): Promise<ExpandChoice | null>;
  expandSelected(choice: ExpandChoice, labels: ReadonlySet<string>, types: ReadonlySet<string>): Promise<void>;
  /** Adds a node (with its relations to what is in view) when missing; true when it is in view afterwards. */
  bringIntoView(id: string): Promise<boolean>;
  revealRelations(): Promise<void>;
  showSource(sourceId: string): Promise<void>;
}

export function createExplorerActions(store: GraphStore, names: NameDirectory, notices: Notices): ExplorerActions {
  const { graph } = store;
  const remember = (nodes: readonly GraphNode[]) => nodes.forEach((n) => names.remember(n.id, n.name));

  function neighborOf(nodeId: string, e: { source: string; target: string }): string {
    return e.source === nodeId ? e.target : e.source;
  }

  const actions: ExplorerActions = {
    async expand(nodeId) {
      try {
        const response = await api.neighbors(nodeId);
        remember(response.nodes);
        const newCount = response.nodes.filter((n) => n.id !== nodeId && !graph.hasNode(n.id)).length;
        const totalByLabel = Object.values(response.counts.byLabel).reduce((a, b) => a + b, 0);
        if (newCount > SELECTIVE_EXPAND_THRESHOLD || (response.truncated && totalByLabel > SELECTIVE_EXPAND_THRESHOLD))
          return { nodeId, response, newCount };
        const added = store.addSubgraph(response, {
          label: `Expand ${graph.getNodeAttribute(nodeId, "label")}`,
          near: nodeId,
        });
        notices.info(
          added.nodes + added.edges === 0
            ? "Nothing new: every neighbour is already in view."
            : `Added ${added.nodes} nodes and ${added.edges} relations.`,
        );
        return null;
      } catch (e) {
        notices.error(`Could not expand the node. ${describeError(e)}`);
        return null;
      }
    },

    async expandSelected(choice, labels, types) {
      try {
        // Ask again for exactly the chosen kinds: the first answer may have been capped or filtered to entities.
        const response = await api.neighbors(choice.nodeId, { labels: [...labels], types: [...types] });
        remember(response.nodes);
        const nodeIds = new Set<string>([choice.nodeId]);
        const edges = response.edges.filter((e) => {
          if (!types.has(e.type)) return false;
          const other = response.nodes.find((n) => n.id === neighborOf(choice.nodeId, e));
          if (!other || !other.labels.some((l) => labels.has(l))) return false;
          nodeIds.add(other.id);
          return true;
        });
        const nodes = response.nodes.filter((n) => nodeIds.has(n.id));
        const added = store.addSubgraph(
          { nodes, edges },
          { label: `Expand ${graph.getNodeAttribute(choice.nodeId, "label")} (selected)`, near: choice.nodeId },
        );
        notices.info(`Added ${added.nodes} nodes and ${added.edges} relations.`);
      } catch (e) {
        notices.error(`Could not expand the node. ${describeError(e)}`);
      }
    },

    async bringIntoView(id) {
      if (graph.hasNode(id)) return true;
      try {
        const detail = await api.node(id);
        remember([detail.node]);
        const edges = detail.relations.flatMap((r) => r.edges);
        store.addSubgraph({ nodes: [detail.node], edges }, { label: `Add ${detail.node.name}` });
        return graph.hasNode(id);
      } catch (e) {
        notices.error(`Could not add the node. ${describeError(e)}`);
        return false;
      }
    },

    async revealRelations() {
      // One neighbours request per visible node (few at a time), keeping only relations between nodes in view.
      const ids = graph.filterNodes((_k, a) => !a.hidden);
      const inView = new Set(graph.nodes());
      const found = new Map<string, NeighborsResponse["edges"][number]>();
      let failed = 0;
      const queue = [...ids];
      const worker = async () => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
          try {
            const r = await api.neighbors(id);
            for (const e of r.edges) if (inView.has(e.source) && inView.has(e.target)) found.set(e.id, e);
          } catch {
            failed++;
          }
        }
      };
      await Promise.all(Array.from({ length: 6 }, worker));
      const added = store.addSubgraph({ nodes: [], edges: [...found.values()] }, { label: "Reveal relations" });
      if (failed)
        notices.error(`${failed} nodes could not be queried; relations found so far were added. Retry later.`);
      else notices.info(added.edges ? `Revealed ${added.edges} relations.` : "No hidden relations among these nodes.");
    },

    async showSource(sourceId) {
      try {
        const detail = await api.source(sourceId);
        remember(detail.mentions);
        names.sources.set(sourceId, detail.source);
        store.addSubgraph(
          { nodes: detail.mentions, edges: detail.edges },
          { label: `Show article: ${detail.source.title}` },
        );
        store.setFilter({ onlySources: new Set([sourceId]) });
        notices.info(`Showing what “${detail.source.title}” says. Clear the source filter to see everything.`);
      } catch (e) {
        notices.error(`Could not open the article. ${describeError(e)}`);
      }
    },
  };
  return actions;
}
