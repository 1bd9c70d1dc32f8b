// title: Communities: who targets them, who they belong to
// description: Every ethnic or religious community in the graph with each relation touching it, who says so and how.
MATCH (c:Entity:Community)-[r]-(x:Entity)
WHERE type(r) <> 'MENTIONS'
RETURN c.id AS id, c.name AS community, type(r) AS relation,
       CASE WHEN startNode(r) = c THEN 'out' ELSE 'in' END AS direction, x.name AS other,
       r.evidenceModalities AS modalities, [w IN r.evidenceAttributedTo WHERE w <> ''] AS saidBy, r.evidenceSources AS sources
ORDER BY community, relation, other
