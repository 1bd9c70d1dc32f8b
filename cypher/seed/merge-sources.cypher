// Upserts Source nodes; SET = replaces every property so an edited seed converges.
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s = row.props
