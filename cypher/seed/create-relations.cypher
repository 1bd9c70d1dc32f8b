// Relations are recreated on every load (their dataset's old ones were deleted in the same transaction),
// so a relation whose endpoints or type changed in the seed cannot linger. The batch comes as columns
// (server/seed/load-statements.ts): relation i owns evidence items $evidenceAt[i] until $evidenceAt[i + 1].
// Properties are given in CREATE, not with `SET r = map` after the endpoint lookups by `id`: a SET of a whole
// map conflicts with any property read, and the planner then materialises the batch (Eager) before writing.
UNWIND range(0, size($ids) - 1) AS i
WITH i, toInteger($evidenceAt[i]) AS first, toInteger($evidenceAt[i + 1]) AS last
MATCH (a:Entity {id: $from[i]})
MATCH (b:Entity {id: $to[i]})
CREATE (a)-[r:$($types[i]) {
  id: $ids[i],
  dataset: $dataset,
  sourceCount: toInteger($sourceCount[i]),
  evidenceSources: $evSource[first..last],
  evidenceQuotes: $evQuote[first..last],
  evidenceAttributedTo: $evAttributedTo[first..last],
  evidenceModalities: $evModality[first..last],
  evidenceReportedAt: $evReportedAt[first..last]
}]->(b)
SET r += $props[i]
