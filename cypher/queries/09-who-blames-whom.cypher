// title: Who blames whom?
// description: Every BLAMES relation (accuser to accused), what for, and how each source reports it.
MATCH (a:Entity)-[r:BLAMES]->(b:Entity)
RETURN r.id AS id, a.name AS accuser, b.name AS accused, r.for AS about, r.evidenceModalities AS modalities,
       r.evidenceAttributedTo AS attributedTo, r.evidenceSources AS sources
ORDER BY accuser
