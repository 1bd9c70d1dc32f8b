// Entities whose `id` property is one of the given values (who-values of claims: claimedBy → isis-k).
MATCH (n:Entity)
WHERE n.id IN $ids
RETURN n
