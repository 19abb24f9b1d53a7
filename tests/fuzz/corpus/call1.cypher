CALL db.labels() YIELD label AS l WHERE l <> 'x' MATCH (n) CALL parley.pagerank(['DEMANDS'], null) YIELD node, score RETURN l, node, score
