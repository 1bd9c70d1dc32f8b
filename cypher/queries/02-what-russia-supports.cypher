// title: What does Russia support?
// description: Everyone Russia supports or is said to be allied with, with the kind of support, the sources and who says so.
MATCH (ru:Entity {id: 'russia'})-[r:SUPPORTS|ALLIED_WITH]-(x:Entity)
WHERE type(r) = 'ALLIED_WITH' OR startNode(r) = ru
RETURN x.id AS id, x.name AS name, labels(x) AS labels, type(r) AS relation, r.kind AS kind,
       r.sourceCount AS sources, [w IN r.evidenceAttributedTo WHERE w <> ''] AS saidBy, r.evidenceQuotes AS quotes
ORDER BY relation DESC, sources DESC, name
