// Full-text search over the seed model's entity_search index (name, aliases, description).
CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: $limit}) YIELD node, score
RETURN node AS n, score
ORDER BY score DESC
LIMIT $limit
