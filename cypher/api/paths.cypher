// Paths between two nodes with Cypher 5's path selectors (SHORTEST k / ALL SHORTEST), planned as a stateful
// shortest-path search rather than enumerate-and-sort. Path selectors and quantifiers cannot be parameters, so the
// service fills the {{...}} slots from fixed tables (a selector keyword, an integer it clamped, an arrow): never
// from user text. Intermediate nodes may be excluded by label or by id, and relationships by type.
MATCH (a) WHERE elementId(a) = $from
MATCH (b) WHERE elementId(b) = $to
MATCH p = {{SELECTOR}} (a)(()
  {{LEFT}}[r]{{RIGHT}}
  (x) WHERE ($types IS NULL OR type(r) IN $types)
    AND NOT type(r) IN $excludeTypes
    AND (elementId(x) = $to OR NOT any(l IN labels(x) WHERE l IN $excludeLabels))
    AND NOT elementId(x) IN $excludeNodes
){1,{{MAX_HOPS}}}(b)
RETURN p
LIMIT $maxPaths
