// Upserts Entity nodes with their type label; labels the seed no longer gives are removed.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
WITH n, row, [l IN labels(n) WHERE NOT l IN row.labels] AS stale
REMOVE n:$(stale)
SET n = row.props, n:$(row.labels)
