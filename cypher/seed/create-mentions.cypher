UNWIND $rows AS row
MATCH (s:Source {id: row.source}), (e:Entity {id: row.entity})
CREATE (s)-[:MENTIONS {dataset: $dataset}]->(e)
