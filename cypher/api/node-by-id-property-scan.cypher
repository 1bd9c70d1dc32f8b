// Fallback for databases whose `id` carriers are not indexed: a label-less scan, stopped at the first match.
MATCH (n)
WHERE n.id = $id
RETURN n
LIMIT 1
