// title: Which entities do the most sources name?
// description: Entities ranked by how many of the five articles name them, then by how many relations they have.
MATCH (e:Entity)
RETURN e.id AS id, e.name AS name, [l IN labels(e) WHERE l <> 'Entity'][0] AS type,
       COUNT { (:Source)-[:MENTIONS]->(e) } AS sources,
       COUNT { (e)-[r]-(:Entity) } AS relations
ORDER BY sources DESC, relations DESC, name
LIMIT 40
