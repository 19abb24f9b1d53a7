MATCH (a:Party {name: 'x'})-[r:ALLY]->(b) SET a.n = a.n + 1, a += {k: [1, 2]}, b = a, a:L:M, r.w = null REMOVE b.k, b:L WITH a, r DETACH DELETE a DELETE r RETURN count(*)
