MATCH (s)-[:MENTIONS]->(e)
WHERE elementId(s) = $elementId
RETURN e
ORDER BY e.name
LIMIT $limit
