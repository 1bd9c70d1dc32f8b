// Sources (the seed model's :Source articles) with how many facts each supports: relations and value claims whose
// evidence cites it. Ordered by publication, undated last. `$elementIds` null lists all; a list picks those
// (the timeline's reports).
MATCH (s:Source)
WHERE $elementIds IS NULL OR elementId(s) IN $elementIds
CALL (s) {
  MATCH ()-[r]->()
  WHERE valueType(r.evidenceSources) STARTS WITH 'LIST' AND s.id IN r.evidenceSources
  RETURN count(r) AS relations
}
CALL (s) {
  OPTIONAL MATCH (c:Claim)-[:CITES]->(s)
  RETURN count(c) AS claims
}
RETURN s, relations + claims AS factCount
ORDER BY s.published IS NULL, s.published, s.id
LIMIT $limit
