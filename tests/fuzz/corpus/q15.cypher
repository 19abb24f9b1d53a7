CALL db.labels() YIELD label WITH label MATCH p = shortestPath((a:Actor)-[:DEMANDS*]-(b:Actor)) RETURN label, p, allShortestPaths((a)-[*]->(b)) AS q
