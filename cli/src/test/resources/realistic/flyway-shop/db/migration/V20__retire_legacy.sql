UPDATE products SET state = 'retired' WHERE title LIKE 'LEGACY %';
