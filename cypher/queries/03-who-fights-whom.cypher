// title: Who fights whom?
// description: Every FIGHTS relation (armed conflict), strongest-sourced first, with the sources and the experts cited.
MATCH (a:Entity)-[r:FIGHTS]->(b:Entity)
RETURN r.id AS id, a.name AS fighter, b.name AS opponent, r.sourceCount AS sources,
       r.evidenceSources AS citedIn, [w IN r.evidenceAttributedTo WHERE w <> ''] AS saidBy
ORDER BY sources DESC, fighter, opponent
