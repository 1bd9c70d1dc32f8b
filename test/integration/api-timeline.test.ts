// GET /api/timeline on the seed graph: each Event with its date claims (conflicting ones all kept) and the dated
// sources that report it; the limit cuts and says so; a database without :Event or :Claim has no events.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import request from "supertest";
import type { Express } from "express";
import * as S from "../../server/http/api-schemas.ts";
import { idFromProperty } from "../../server/neo4j/ids.ts";
import { clearDatabase, resetToSeed, testApp, testDatabase } from "../support/test-db.ts";

const db = testDatabase();
let app: Express;

beforeAll(async () => {
  await resetToSeed(db);
  app = testApp(db);
}, 120_000);
afterAll(() => db.close());

async function timeline(query = "") {
  return S.TimelineResponse.parse((await request(app).get(`/api/timeline${query}`).expect(200)).body);
}

describe("GET /api/timeline", () => {
  it("gives the Crocus City Hall attack its date and the sources' published dates as reports", async () => {
    const body = await timeline();
    expect(body.truncated).toBe(false);
    const crocus = body.events.find((e) => e.event.id === idFromProperty("crocus-city-hall-attack"));
    expect(crocus?.event.labels).toContain("Event");
    expect(crocus!.dates.map((d) => [d.property, d.value, d.precision])).toEqual([["occurredOn", "2024-03-22", "day"]]);
    expect(crocus!.dates[0].evidence.map((e) => e.source)).toContain(
      idFromProperty("src-media-line-isis-k-claims-moscow-attack"),
    );

    const s = db.readSession();
    const published = await s
      .run(
        "MATCH (s:Source)-[:MENTIONS]->(:Event {id: 'crocus-city-hall-attack'}) WHERE s.published IS NOT NULL " +
          "RETURN s.id AS id, toString(s.published) AS published",
      )
      .finally(() => s.close());
    const expected = published.records.map((r) => [idFromProperty(r.get("id")), r.get("published")]);
    expect(expected.length).toBeGreaterThan(1);
    expect(crocus!.reports.map((r) => [r.id, r.published]).sort()).toEqual(expected.sort());
    expect(
      crocus!.reports.find((r) => r.id === idFromProperty("src-why-isis-attacked-russia-and-russia-blames-ukraine")),
    ).toMatchObject({ published: "2024-03-27", publishedPrecision: "day" });
    expect(crocus!.reports.every((r) => r.factCount > 0)).toBe(true);
  });

  it("keeps both conflicting dates of the Taliban takeover (2017 and 2021)", async () => {
    const body = await timeline();
    const taliban = body.events.find((e) => e.event.id === idFromProperty("taliban-takeover-of-afghanistan"));
    expect(taliban!.dates.map((d) => [d.property, d.value, d.precision])).toEqual([
      ["date", "2017", "year"],
      ["date", "2021", "year"],
    ]);
  });

  it("cuts at the limit and says so", async () => {
    const all = await timeline();
    expect(all.events.length).toBeGreaterThan(2);
    const cut = await timeline("?limit=2");
    expect(cut.truncated).toBe(true);
    expect(cut.events.map((e) => e.event.id)).toEqual(all.events.slice(0, 2).map((e) => e.event.id));
    await request(app).get("/api/timeline?limit=many").expect(400);
  });
});

describe("GET /api/timeline on a database without events", () => {
  beforeAll(async () => {
    await clearDatabase(db);
    const s = db.writeSession();
    try {
      await s.run("CREATE (:Person {name: 'Ada'})-[:KNOWS]->(:Person {name: 'Grace'})");
    } finally {
      await s.close();
    }
  });
  afterAll(() => resetToSeed(db), 120_000);

  it("answers an empty list", async () => {
    expect(await timeline()).toEqual({ events: [], truncated: false });
  });
});
