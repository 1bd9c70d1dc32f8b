MATCH (n)
WHERE elementId(n) = $elementId
RETURN n
