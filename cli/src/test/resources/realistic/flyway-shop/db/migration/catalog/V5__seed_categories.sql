INSERT INTO categories (name) VALUES ('Books'), ('Music'), ('Garden');
INSERT INTO categories (parent_id, name)
SELECT id, 'Vinyl' FROM categories WHERE name = 'Music';
