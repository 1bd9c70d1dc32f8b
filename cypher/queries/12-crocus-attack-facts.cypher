// title: The Crocus City Hall attack: every value claimed
// description: All claims about the attack (toll, injured, date, attackers, claimant, response time), with sources and wording.
MATCH (c:Claim)-[:ABOUT]->(:Entity {id: 'crocus-city-hall-attack'})
RETURN c.id AS id, c.property AS property, c.value AS value, c.unit AS unit, c.precision AS precision,
       c.evidenceSources AS sources, c.evidenceAttributedTo AS attributedTo, c.note AS note
ORDER BY property, toString(value)
