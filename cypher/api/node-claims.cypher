// Value claims about a node (the seed model's (:Claim)-[:ABOUT]->(subject)).
MATCH (c:Claim)-[:ABOUT]->(n)
WHERE elementId(n) = $elementId
RETURN c
ORDER BY c.property, c.id
