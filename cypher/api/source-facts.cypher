// What one source supports: the relations its evidence cites (with endpoints), as rows.
MATCH (a)-[r]->(b)
WHERE valueType(r.evidenceSources) STARTS WITH 'LIST' AND $sourceId IN r.evidenceSources
RETURN a, r, b
ORDER BY type(r), elementId(r)
LIMIT $limit
