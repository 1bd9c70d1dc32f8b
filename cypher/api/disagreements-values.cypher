// Value claims where sources differ: the same subject and property with at least two distinct values.
MATCH (c:Claim)-[:ABOUT]->(subject)
WITH subject, c.property AS property, collect(c) AS claims, count(DISTINCT c.value) AS distinctValues
WHERE distinctValues >= 2
RETURN subject, property, claims
ORDER BY property, elementId(subject)
LIMIT $limit
