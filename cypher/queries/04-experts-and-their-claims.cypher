// title: Experts and what they say
// description: Every statement attributed to a person (expert, official, leader), about whom, with affiliation, modality and quote.
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.evidenceAttributedTo IS NOT NULL
UNWIND range(0, size(r.evidenceAttributedTo) - 1) AS i
WITH a, r, b, i, r.evidenceAttributedTo[i] AS who
WHERE who <> ''
MATCH (p:Entity:Person {id: who})
OPTIONAL MATCH (p)-[:AFFILIATED_WITH]->(org:Entity)
WITH p, a, r, b, i, collect(org.name) AS affiliations
RETURN p.id AS id, p.name AS expert, affiliations, a.name AS subject, type(r) AS relation, b.name AS object,
       r.evidenceModalities[i] AS modality, r.evidenceSources[i] AS source, r.evidenceQuotes[i] AS quote
ORDER BY expert, relation, subject
