// title: Where do the sources disagree?
// description: Claims grouped by subject and property where more than one distinct value is given, with each value's sources and wording.
MATCH (c:Claim)-[:ABOUT]->(e:Entity)
WITH e, c.property AS property, collect(c) AS claims, collect(DISTINCT toString(c.value)) AS values
WHERE size(values) > 1
UNWIND claims AS c
RETURN e.id AS subjectId, e.name AS subject, property, c.id AS id, c.value AS value, c.unit AS unit,
       c.precision AS precision, c.evidenceSources AS sources, c.note AS note, c.evidenceQuotes AS quotes
ORDER BY subject, property, toString(value)
