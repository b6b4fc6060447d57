INSERT INTO greeting (id, text) VALUES (1, 'hello';
