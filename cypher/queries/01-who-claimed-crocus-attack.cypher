// title: Who claimed the Crocus City Hall attack?
// description: Every group said to claim the attack, with each source's quote and modality.
MATCH (g:Entity)-[r:CLAIMS]->(a:Entity {id: 'crocus-city-hall-attack'})
UNWIND range(0, size(r.evidenceQuotes) - 1) AS i
RETURN g.id AS id, g.name AS claimant, r.evidenceSources[i] AS source,
       r.evidenceModalities[i] AS modality, r.evidenceAttributedTo[i] AS attributedTo,
       r.evidenceQuotes[i] AS quote
ORDER BY claimant, source
