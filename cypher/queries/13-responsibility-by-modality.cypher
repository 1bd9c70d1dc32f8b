// title: How sure is each source about who did it?
// description: Every statement that someone carried out or claimed the Crocus City Hall attack, by modality (asserted, claimed, suspected ...).
MATCH (g:Entity)-[r:CARRIED_OUT|CLAIMS|ENABLED|FAILED_TO_PREVENT]->(:Entity {id: 'crocus-city-hall-attack'})
UNWIND range(0, size(r.evidenceModalities) - 1) AS i
RETURN g.id AS id, g.name AS actor, type(r) AS relation, r.evidenceModalities[i] AS modality,
       r.evidenceSources[i] AS source, r.evidenceAttributedTo[i] AS attributedTo, r.evidenceQuotes[i] AS quote
ORDER BY actor, relation, modality
