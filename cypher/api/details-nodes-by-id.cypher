// Nodes by their `id` property, for a details request: the seed's labels first, whose uniqueness constraints make
// these index seeks (the service scans only for ids none of them holds).
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Entity {id: id}) RETURN n
  UNION
  MATCH (n:Source {id: id}) RETURN n
  UNION
  MATCH (n:Claim {id: id}) RETURN n
}
RETURN n
