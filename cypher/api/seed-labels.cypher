// Which of the seed model's labels this database has: decides seed-only defaults (entity view, path exclusions).
CALL db.labels() YIELD label
WITH label
WHERE label IN ['Entity', 'Source', 'Claim']
RETURN collect(label) AS labels
