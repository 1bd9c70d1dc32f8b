// Not used by the product: the bench's ceiling for #3 (bench/ingest.ts). create-relations' columns and properties,
// written by a bare UNWIND … CREATE between the batch's first two endpoints, so no lookup runs per row.
MATCH (a:Entity {id: $from[0]})
MATCH (b:Entity {id: $to[0]})
UNWIND range(0, size($ids) - 1) AS i
WITH a, b, i, toInteger($evidenceAt[i]) AS first, toInteger($evidenceAt[i + 1]) AS last
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
