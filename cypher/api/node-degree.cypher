MATCH (n)
WHERE elementId(n) = $elementId
RETURN COUNT { (n)--() } AS degree
