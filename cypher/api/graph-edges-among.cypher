// Relationships leaving the chosen nodes, optionally of given types; the service keeps those whose end node is
// chosen too. Seeking each start node by elementId and expanding is linear in the edges touched: the former
// `elementId(a) IN $ids AND elementId(b) IN $ids` scanned every relationship and tested two lists per row
// (18 s for a 50k-node view; npm run bench, #5). $scanLimit bounds the work on hubs.
UNWIND $elementIds AS eid
MATCH (a) WHERE elementId(a) = eid
MATCH (a)-[r]->()
WHERE $types IS NULL OR type(r) IN $types
RETURN r
LIMIT $scanLimit
