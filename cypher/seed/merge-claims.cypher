// Upserts Claim nodes (value claims: dates, tolls, founding stories) and links them to their subject and sources.
UNWIND $rows AS row
MERGE (c:Claim {id: row.id})
SET c = row.props
WITH c, row
MATCH (e:Entity {id: row.subject})
CREATE (c)-[:ABOUT {dataset: $dataset}]->(e)
WITH c, row
UNWIND row.sources AS sid
MATCH (s:Source {id: sid})
CREATE (c)-[:CITES {dataset: $dataset}]->(s)
