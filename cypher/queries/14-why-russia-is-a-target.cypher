// title: Why is Russia a target?
// description: Statements of hostility or grievance toward Russia and Putin by Islamic State and ISIS-K, with who makes each assessment.
MATCH (g:Entity)-[r:HOSTILE_TO|BLAMES]->(t:Entity)
WHERE g.id IN ['islamic-state', 'isis-k'] AND t.id IN ['russia', 'vladimir-putin', 'russian-military']
UNWIND range(0, size(r.evidenceQuotes) - 1) AS i
OPTIONAL MATCH (p:Entity {id: r.evidenceAttributedTo[i]})
RETURN g.name AS actor, type(r) AS relation, t.name AS target, coalesce(p.name, '(the article)') AS saidBy,
       p.id AS id, r.evidenceModalities[i] AS modality, r.evidenceSources[i] AS source, r.evidenceQuotes[i] AS quote
ORDER BY actor, saidBy
