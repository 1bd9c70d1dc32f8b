// One breadth-first step from a frontier: each relationship (optionally of $types) to a node (optionally of
// $labels), with both ends' elementIds. Capped: depth on a hub must not fetch the whole database.
MATCH (a)-[r]-(m)
WHERE elementId(a) IN $frontier
  AND ($types IS NULL OR type(r) IN $types)
  AND ($labels IS NULL OR any(l IN labels(m) WHERE l IN $labels))
RETURN r, m
LIMIT $limit
