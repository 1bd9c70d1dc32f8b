// Updates Entity nodes that already exist with their type label; labels the seed no longer gives are removed.
// MERGE rather than MATCH so a row still lands if the node went away since existing-entity-ids asked.
// One row at a time in a subquery: reading labels(n) and then setting labels and properties makes the planner
// materialise the whole batch (Eager) otherwise; inside, the barrier holds one row (npm run bench, #3).
UNWIND $rows AS row
CALL (row) {
  MERGE (n:Entity {id: row.id})
  WITH n, [l IN labels(n) WHERE NOT l IN row.labels] AS stale
  REMOVE n:$(stale)
  SET n = row.props, n:$(row.labels)
}
