-- expect: domain-constraint
-- pg: 15
ALTER DOMAIN email SET NOT NULL;
