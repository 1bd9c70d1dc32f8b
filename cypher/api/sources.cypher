// Sources (the seed model's :Source articles) with how many facts each supports: relations and value claims whose
// evidence cites it. Ordered by publication, undated last. `$elementIds` null lists all; a list picks those
// (the timeline's reports).
// Relations are counted in ONE pass over the relationships, grouped by cited source: a scan per source made this
// sources × relationships (8 s for 100 sources on 100k relationships, which timed out the explorer's first load).
CALL () {
  MATCH ()-[r]->()
  WHERE valueType(r.evidenceSources) STARTS WITH 'LIST'
  UNWIND r.evidenceSources AS sid
  WITH DISTINCT r, sid
  WITH sid, count(*) AS relations
  RETURN collect({id: sid, relations: relations}) AS perSource
}
MATCH (s:Source)
WHERE $elementIds IS NULL OR elementId(s) IN $elementIds
CALL (s) {
  OPTIONAL MATCH (c:Claim)-[:CITES]->(s)
  RETURN count(c) AS claims
}
RETURN s, coalesce([x IN perSource WHERE x.id = s.id][0].relations, 0) + claims AS factCount
ORDER BY s.published IS NULL, s.published, s.id
LIMIT $limit
