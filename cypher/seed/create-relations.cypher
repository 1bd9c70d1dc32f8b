// Relations are recreated on every load (their dataset's old ones were deleted in the same transaction),
// so a relation whose endpoints or type changed in the seed cannot linger.
// One row at a time in a subquery: otherwise `SET r = row.props` after the endpoint lookups by `id` makes the
// planner materialise the whole batch (Eager) before writing (npm run bench, #3).
UNWIND $rows AS row
CALL (row) {
  MATCH (a:Entity {id: row.from})
  MATCH (b:Entity {id: row.to})
  CREATE (a)-[r:$(row.type)]->(b)
  SET r = row.props
}
