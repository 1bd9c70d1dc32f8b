// Whether the seed model's full-text index exists and is usable on this database.
SHOW FULLTEXT INDEXES YIELD name, state
WHERE name = 'entity_search'
RETURN state
