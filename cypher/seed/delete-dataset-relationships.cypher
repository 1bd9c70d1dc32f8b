// Inside the load's one transaction (all or nothing), so no CALL ... IN TRANSACTIONS here.
MATCH ()-[r]->() WHERE r.dataset = $dataset
DELETE r
