// A node's relationships with the node at the other end, capped (hubs on foreign data can have millions).
MATCH (n)-[r]-(m)
WHERE elementId(n) = $elementId
RETURN r, m, elementId(startNode(r)) = $elementId AS outgoing
ORDER BY type(r), elementId(r)
LIMIT $limit + 1
