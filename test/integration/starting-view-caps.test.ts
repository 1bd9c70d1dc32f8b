// The starting view's caps on a small dense graph: past the edge cap it keeps the first relationships in elementId
// order (the same edges on every request) and says it truncated; past the scan cap it says so too. The view is built
// from records as they stream in (streamNamed), whose errors must still reach the caller.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EDGES_PER_NODE, startingView } from "../../server/services/starting-view.ts";
import neo4j, { type ManagedTransaction } from "neo4j-driver";
import { streamNamed } from "../../server/neo4j/read-query.ts";
import { idFromElementId } from "../../server/neo4j/ids.ts";
import { clearDatabase, testDatabase } from "../support/test-db.ts";

const db = testDatabase();
/** Three nodes; the edge cap is then 12 relationships and the scan cap 48 (starting-view.ts). */
const LIMIT = 3;

async function denseGraph(relationships: number): Promise<string[]> {
  await clearDatabase(db);
  const s = db.writeSession();
  try {
    const r = await s.run(
      `CREATE (a:Thing {name: 'a'}), (b:Thing {name: 'b'}), (c:Thing {name: 'c'})
       WITH [a, b, c] AS ns
       UNWIND range(0, $n - 1) AS i
       WITH ns[i % 3] AS from, ns[(i + 1) % 3] AS to, i
       CREATE (from)-[r:LINKS {i: i}]->(to)
       RETURN elementId(r) AS id`,
      { n: relationships },
    );
    return r.records.map((x) => x.get("id") as string);
  } finally {
    await s.close();
  }
}

/** A read transaction without the app's error mapping, so the callback's own error arrives as thrown. */
async function read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const s = db.readSession();
  try {
    return await s.executeRead(work);
  } finally {
    await s.close();
  }
}

beforeAll(() => clearDatabase(db));
afterAll(async () => {
  await clearDatabase(db);
  await db.close();
});

describe("the starting view's caps", () => {
  it("keeps the first relationships in elementId order past the edge cap, and says it truncated", async () => {
    const ids = await denseGraph(20);
    const view = await startingView(db, { limit: LIMIT });
    expect(view.nodes).toHaveLength(3);
    expect(view.edges).toHaveLength(LIMIT * EDGES_PER_NODE);
    expect(view.truncated).toBe(true);
    const expected = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).slice(0, LIMIT * EDGES_PER_NODE);
    expect(view.edges.map((e) => e.id)).toEqual(expected.map(idFromElementId));
  });

  it("keeps every relationship under the caps, not truncated", async () => {
    const ids = await denseGraph(LIMIT * EDGES_PER_NODE);
    const view = await startingView(db, { limit: LIMIT });
    expect(view.truncated).toBe(false);
    expect(new Set(view.edges.map((e) => e.id))).toEqual(new Set(ids.map(idFromElementId)));
  });

  it("says it truncated when the relationships read reach the scan cap, though every node fits", async () => {
    // The view is the three Things (by label); their 61 relationships, all but one to Leaf nodes outside the view,
    // pass the scan cap of 48.
    await clearDatabase(db);
    const s = db.writeSession();
    try {
      await s.run(
        `CREATE (a:Thing {name: 'a'}), (b:Thing {name: 'b'}), (c:Thing {name: 'c'}), (a)-[:LINKS]->(b)
         WITH [a, b, c] AS things
         UNWIND things AS t
         UNWIND range(1, 20) AS i
         CREATE (t)-[:LINKS]->(:Leaf {name: t.name + ' leaf ' + i})`,
      );
    } finally {
      await s.close();
    }
    const view = await startingView(db, { limit: LIMIT, labels: ["Thing"] });
    expect(view.nodes.map((n) => n.name).sort()).toEqual(["a", "b", "c"]);
    expect(view.edges.length).toBeLessThanOrEqual(1);
    expect(view.truncated).toBe(true);
  });
});

describe("streamNamed", () => {
  it("hands over every record, and rejects with the first error its callback throws", async () => {
    await denseGraph(5);
    const seen: string[] = [];
    await read((tx) =>
      streamNamed(
        tx,
        "api/graph-top-nodes",
        { limit: neo4j.int(10) },
        (r) => void seen.push(r.get("n").properties.name),
      ),
    );
    expect(seen.sort()).toEqual(["a", "b", "c"]);

    let calls = 0;
    const failing = read((tx) =>
      streamNamed(tx, "api/graph-top-nodes", { limit: neo4j.int(10) }, () => {
        calls++;
        throw new Error(`bad record ${calls}`);
      }),
    );
    await expect(failing).rejects.toThrow("bad record 1");
    expect(calls).toBe(1);
  });
});
