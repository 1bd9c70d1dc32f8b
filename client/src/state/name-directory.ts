// Names for ids that panels must show (who asserts a fact, which article it comes from): the graph in view first,
// then what the API has told us, fetching a node's name once when nothing else knows it.
import type { SourceSummary } from "../../../contract/api.ts";
import { api } from "../api/api-client.ts";
import type { GraphStore } from "./graph-store.ts";

export interface NameDirectory {
  sources: Map<string, SourceSummary>;
  loadSources(): Promise<void>;
  remember(id: string, name: string): void;
  /** A name known right now, or null. */
  nameOf(id: string): string | null;
  /** Resolves a name, asking the API once when needed; falls back to the id. */
  resolve(id: string): Promise<string>;
}

export function createNameDirectory(store: GraphStore): NameDirectory {
  const names = new Map<string, string>();
  const inflight = new Map<string, Promise<string>>();
  const dir: NameDirectory = {
    sources: new Map(),
    async loadSources() {
      const res = await api.sources();
      dir.sources = new Map(res.sources.map((s) => [s.id, s]));
    },
    remember(id, name) {
      names.set(id, name);
    },
    nameOf(id) {
      if (store.graph.hasNode(id)) return store.graph.getNodeAttribute(id, "label");
      return names.get(id) ?? dir.sources.get(id)?.title ?? null;
    },
    resolve(id) {
      const known = dir.nameOf(id);
      if (known !== null) return Promise.resolve(known);
      let p = inflight.get(id);
      if (!p) {
        p = api
          .node(id)
          .then((d) => {
            names.set(id, d.node.name);
            return d.node.name;
          })
          .catch(() => id);
        inflight.set(id, p);
      }
      return p;
    },
  };
  return dir;
}
