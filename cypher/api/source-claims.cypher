MATCH (c:Claim)-[:CITES]->(s)
WHERE elementId(s) = $elementId
RETURN c
ORDER BY c.property, c.id
LIMIT $limit
