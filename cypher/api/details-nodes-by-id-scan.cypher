// Fallback for `id` values no seed label holds (other databases): one label-less scan for all of them together.
MATCH (n)
WHERE n.id IN $ids
RETURN n
