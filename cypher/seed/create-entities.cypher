// Entities the graph does not hold yet (the loader asked existing-entity-ids in the same transaction):
// a plain CREATE, with no lookup and no label bookkeeping, which merge-entities needs for nodes that exist.
UNWIND $rows AS row
CREATE (n:Entity:$(row.type))
SET n = row.props
