UNWIND [1, 2, 1] AS i MERGE p = (n:K {v: i})-[:NEXT]-(m:K {v: i + 1}) ON CREATE SET n.new = true ON MATCH SET n.seen = true, m += {} RETURN p
