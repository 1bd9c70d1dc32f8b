// The timeline: each Event with its date claims (the seed model's (:Claim)-[:ABOUT]->(event) with a day, month or
// year precision) and the dated sources that report it. One row more than asked tells the service it was cut.
MATCH (e:Event)
WITH e
ORDER BY e.name, elementId(e)
LIMIT $limit
CALL (e) {
  OPTIONAL MATCH (c:Claim)-[:ABOUT]->(e)
  WHERE c.precision IN ['day', 'month', 'year']
  WITH c
  ORDER BY c.property, toString(c.value), c.id
  RETURN collect(c) AS dates
}
CALL (e) {
  OPTIONAL MATCH (s:Source)-[:MENTIONS]->(e)
  WHERE s.published IS NOT NULL
  WITH s
  ORDER BY s.published, s.id
  RETURN collect(s) AS reports
}
RETURN e AS event, dates, reports
