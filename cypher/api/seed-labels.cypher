// Which of the seed model's labels this database has nodes for: decides seed-only defaults (entity view, path
// exclusions). Checked by existence, not db.labels(): a label can stay listed after its last node is deleted.
RETURN [label IN ['Entity', 'Source', 'Claim'] WHERE EXISTS { MATCH (n:$(label)) }] AS labels
