// title: What do the article authors themselves assess?
// description: Statements attributed to the authors of the source articles (Kaplan, Barton): their own analysis, about whom, with modality and quote; plain event reports stay unattributed.
MATCH (p:Entity:Person)-[:ANALYZED]->(:Entity)
WITH DISTINCT p
MATCH (a:Entity)-[r]->(b:Entity)
WHERE p.id IN r.evidenceAttributedTo
UNWIND range(0, size(r.evidenceAttributedTo) - 1) AS i
WITH p, a, r, b, i WHERE r.evidenceAttributedTo[i] = p.id
RETURN p.id AS id, p.name AS author, a.name AS subject, type(r) AS relation, b.name AS object,
       r.evidenceModalities[i] AS modality, r.evidenceSources[i] AS source, r.evidenceQuotes[i] AS quote
ORDER BY author, relation, subject
