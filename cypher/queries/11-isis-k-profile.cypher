// title: ISIS-K at a glance
// description: ISIS-K's parent, founders, areas of operation, enemies and rivals, each with source count.
MATCH (g:Entity {id: 'isis-k'})-[r]-(x:Entity)
WHERE type(r) IN ['BRANCH_OF', 'FOUNDED_BY', 'OPERATES_IN', 'FIGHTS', 'RIVAL_OF', 'HOSTILE_TO', 'BLAMES', 'TARGETED']
RETURN x.id AS id, x.name AS name, type(r) AS relation,
       CASE WHEN startNode(r) = g THEN 'out' ELSE 'in' END AS direction, r.sourceCount AS sources, r.evidenceModalities AS modalities
ORDER BY relation, sources DESC, name
