// Relationships among the chosen nodes, optionally of given types.
MATCH (a)-[r]->(b)
WHERE elementId(a) IN $elementIds AND elementId(b) IN $elementIds
  AND ($types IS NULL OR type(r) IN $types)
RETURN r
ORDER BY elementId(r)
LIMIT $limit + 1
