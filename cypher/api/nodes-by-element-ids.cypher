// Endpoints of relationships a console result returned without their nodes.
MATCH (n)
WHERE elementId(n) IN $elementIds
RETURN n
