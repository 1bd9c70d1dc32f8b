// title: Denials and the accusations they answer
// description: Relations with a denied evidence item, shown with every statement on them (accusation and denial side by side).
MATCH (a:Entity)-[r]->(b:Entity)
WHERE 'denied' IN r.evidenceModalities
UNWIND range(0, size(r.evidenceModalities) - 1) AS i
RETURN r.id AS id, a.name AS accuser, type(r) AS relation, b.name AS accused, r.for AS about,
       r.evidenceModalities[i] AS modality, r.evidenceAttributedTo[i] AS attributedTo,
       r.evidenceSources[i] AS source, r.evidenceQuotes[i] AS quote
ORDER BY id, modality
