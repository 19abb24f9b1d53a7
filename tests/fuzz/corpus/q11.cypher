MATCH (a:Actor) RETURN a.name AS n UNION MATCH (b:Group) WITH b WHERE b.x > 1 RETURN b.name AS n UNION RETURN 'z' AS n
