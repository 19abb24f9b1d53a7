MATCH (a {name: $name}) OPTIONAL MATCH p = allShortestPaths((a)-[rs:T|U*0..3]-(b)) WHERE size(rs) > $x MATCH q = shortestPath((b)<-[:V*]-(a)) RETURN p, q
