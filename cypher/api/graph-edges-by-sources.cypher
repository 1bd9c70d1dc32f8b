// Relationships whose evidence cites any of $sources (ids of Source nodes), with their endpoints. Evidence lists
// are the seed model's; on other data the CASE keeps non-list values from failing the query.
MATCH (a)-[r]->(b)
WHERE ($types IS NULL OR type(r) IN $types)
  AND ($labels IS NULL OR (any(l IN labels(a) WHERE l IN $labels) AND any(l IN labels(b) WHERE l IN $labels)))
  AND any(s IN CASE WHEN valueType(r.evidenceSources) STARTS WITH 'LIST' THEN r.evidenceSources ELSE [] END
      WHERE s IN $sources)
RETURN a, r, b
ORDER BY elementId(r)
LIMIT $limit + 1
