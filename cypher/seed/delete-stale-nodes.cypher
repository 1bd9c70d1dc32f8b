// Nodes this dataset loaded before but its current version no longer has.
MATCH (n:Entity|Source|Claim) WHERE n.dataset = $dataset AND NOT n.id IN $ids
DETACH DELETE n
