MATCH (a {name: 'x'}) SET a.n = 1, a += {m: 2}, a:Label REMOVE a.k DETACH DELETE a MERGE (b:B {id: 1}) ON CREATE SET b.c = 1 ON MATCH SET b.d = 2 RETURN b
