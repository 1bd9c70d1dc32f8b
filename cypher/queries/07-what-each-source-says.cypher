// title: What does each source contribute?
// description: Per article: outlet, date, how many entities it names, how many relations and claims cite it, and whom it quotes.
MATCH (s:Source)
RETURN s.id AS id, s.title AS title, s.outlet AS outlet, s.published AS published, s.publishedPrecision AS precision,
       COUNT { (s)-[:MENTIONS]->(:Entity) } AS entities,
       COUNT { MATCH (:Entity)-[r]->(:Entity) WHERE s.id IN r.evidenceSources } AS relations,
       COUNT { (:Claim)-[:CITES]->(s) } AS claims,
       COLLECT { MATCH (:Entity)-[r]->(:Entity)
                 UNWIND range(0, size(r.evidenceSources) - 1) AS i
                 WITH r, i WHERE r.evidenceSources[i] = s.id AND r.evidenceAttributedTo[i] <> ''
                 MATCH (p:Entity:Person {id: r.evidenceAttributedTo[i]})
                 RETURN DISTINCT p.name } AS quotesPeople
ORDER BY id
