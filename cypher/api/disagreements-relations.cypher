// Relations whose evidence mixes affirming modalities with denied/disputed ones.
MATCH (a)-[r]->(b)
WHERE valueType(r.evidenceModalities) STARTS WITH 'LIST'
  AND any(m IN r.evidenceModalities WHERE m IN $contesting)
  AND any(m IN r.evidenceModalities WHERE NOT m IN $contesting)
RETURN a, r, b
ORDER BY type(r), elementId(r)
LIMIT $limit
