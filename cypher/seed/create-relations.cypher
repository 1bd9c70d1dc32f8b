// Relations are recreated on every load (their dataset's old ones were deleted in the same transaction),
// so a relation whose endpoints or type changed in the seed cannot linger.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
