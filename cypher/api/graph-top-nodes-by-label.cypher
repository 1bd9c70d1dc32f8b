// As graph-top-nodes, restricted to nodes carrying any of $labels (a dynamic label expression, no concatenation).
MATCH (n:$any($labels))
WITH n, COUNT { (n)--() } AS degree
ORDER BY degree DESC, elementId(n)
LIMIT $limit + 1
RETURN n
