// A node by its stable `id` property. The seed's labels first: their uniqueness constraints make these index seeks.
CALL () {
  MATCH (n:Entity {id: $id}) RETURN n
  UNION
  MATCH (n:Source {id: $id}) RETURN n
  UNION
  MATCH (n:Claim {id: $id}) RETURN n
}
RETURN n
LIMIT 1
