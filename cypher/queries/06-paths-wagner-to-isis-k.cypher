// title: How is the Wagner Group connected to ISIS-K?
// description: The three shortest paths (up to 4 hops, entity relations only) between Wagner and ISIS-K.
MATCH p = SHORTEST 3 (a:Entity {id: 'wagner-group'})-[:!MENTIONS&!ABOUT&!CITES]-{1,4}(b:Entity {id: 'isis-k'})
RETURN [n IN nodes(p) | n.name] AS path, [r IN relationships(p) | type(r)] AS relations,
       [r IN relationships(p) | r.id] AS relationIds, length(p) AS hops
ORDER BY hops
