// Fallback search for databases without the entity_search index: a bounded scan of common name properties
// (strings or lists of strings), case-insensitive CONTAINS, scored exact > prefix > contains.
MATCH (n)
WITH n
LIMIT $scanLimit
WITH n, [k IN $keys WHERE n[k] IS NOT NULL | n[k]] AS raw
WITH n, reduce(acc = [], v IN raw |
  acc + CASE WHEN valueType(v) STARTS WITH 'LIST' THEN [x IN v | toLower(toString(x))] ELSE [toLower(toString(v))] END
) AS texts
WITH n, [t IN texts WHERE t CONTAINS $q] AS hits
WHERE size(hits) > 0
WITH n, CASE
  WHEN any(t IN hits WHERE t = $q) THEN 1.0
  WHEN any(t IN hits WHERE t STARTS WITH $q) THEN 0.75
  ELSE 0.5 END AS score
RETURN n, score
ORDER BY score DESC, elementId(n)
LIMIT $limit
