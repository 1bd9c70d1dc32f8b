// Relationships of a details request, found from their start node: relationship properties have no label-free
// index, so matching `r.id` alone would scan every relationship per inspector click; seeking the start node by
// elementId and expanding touches only its relationships. Each row of $edges: {start, idProperty, elementId}.
UNWIND $edges AS e
MATCH (a) WHERE elementId(a) = e.start
MATCH (a)-[r]->(b)
WHERE r.id = e.idProperty OR elementId(r) = e.elementId
RETURN a, r, b
