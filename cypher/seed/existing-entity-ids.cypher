// Which of the document's entities the graph already holds (under any dataset): the loader updates those in
// place (merge-entities) and creates the rest (create-entities).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN collect(id) AS ids
