// title: Attacks attributed to ISIS-K
// description: Events ISIS-K is said to have carried out, with modalities per source and every claimed date and death toll.
MATCH (g:Entity {id: 'isis-k'})-[r:CARRIED_OUT]->(ev:Entity:Event)
OPTIONAL MATCH (c:Claim)-[:ABOUT]->(ev) WHERE c.property IN ['date', 'occurredOn', 'deathToll']
WITH ev, r, c ORDER BY c.property, toString(c.value)
RETURN ev.id AS id, ev.name AS event, r.evidenceModalities AS modalities, r.evidenceSources AS sources,
       collect(c.property + ': ' + toString(c.value) + coalesce(' (' + c.precision + ')', '') + ' <- ' + reduce(s = '', x IN c.evidenceSources | s + ' ' + x)) AS claims
ORDER BY event
