// The starting view's nodes: the best-connected ones first, so a capped view still shows the graph's core.
MATCH (n)
WITH n, COUNT { (n)--() } AS degree
ORDER BY degree DESC, elementId(n)
LIMIT $limit + 1
RETURN n
