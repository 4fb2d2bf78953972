-- E-commerce database for the scan golden test (deterministic).
CREATE TABLE customers (id serial PRIMARY KEY, email varchar(120) NOT NULL UNIQUE, first_name text, last_name text,
  phone text, birth_date date, password_hash text NOT NULL, marketing_opt_in boolean, created_at timestamptz);
CREATE TABLE addresses (id serial PRIMARY KEY, customer_id int NOT NULL REFERENCES customers(id), street text, city text,
  postcode varchar(10), country text);
CREATE TABLE orders (id serial PRIMARY KEY, customer_id int NOT NULL REFERENCES customers(id), customer_email varchar(120),
  total numeric(10,2), status text, client_ip inet, placed_at timestamptz);
CREATE TABLE payments (id serial PRIMARY KEY, order_id int NOT NULL REFERENCES orders(id), iban text, card_number text, amount numeric(10,2));
CREATE TABLE products (id serial PRIMARY KEY, sku text UNIQUE, title text, price numeric(10,2), description text);
CREATE TABLE reviews (id serial PRIMARY KEY, product_id int REFERENCES products(id), customer_id int REFERENCES customers(id),
  rating int, body text);
ALTER TABLE orders ADD CONSTRAINT orders_email_fkey FOREIGN KEY (customer_email) REFERENCES customers(email);
INSERT INTO customers (email, first_name, last_name, phone, birth_date, password_hash, marketing_opt_in, created_at)
SELECT 'shopper' || i || '@realmail.test', 'First' || i, 'Last' || i, '+44 20 7946 ' || lpad(i::text, 4, '0'),
       date '1970-01-01' + i * 37, md5('pw' || i), i % 2 = 0, timestamptz '2024-01-01' + i * interval '1 hour'
FROM generate_series(1, 60) i;
INSERT INTO addresses (customer_id, street, city, postcode, country)
SELECT i, i || ' High Street', 'London', 'SW1A ' || i, 'United Kingdom' FROM generate_series(1, 60) i;
INSERT INTO orders (customer_id, customer_email, total, status, client_ip, placed_at)
SELECT 1 + i % 60, 'shopper' || (1 + i % 60) || '@realmail.test', i * 3.5, 'paid', ('192.0.2.' || (i % 250))::inet,
       timestamptz '2024-02-01' + i * interval '1 hour' FROM generate_series(1, 120) i;
INSERT INTO payments (order_id, iban, card_number, amount)
SELECT i, 'GB33BUKB20201555555555', '4111 1111 1111 1111', i * 3.5 FROM generate_series(1, 120) i;
INSERT INTO products (sku, title, price, description)
SELECT 'SKU-' || i, 'Product ' || i, i * 2.25, 'A fine product number ' || i FROM generate_series(1, 40) i;
INSERT INTO reviews (product_id, customer_id, rating, body)
SELECT 1 + i % 40, 1 + i % 60, 1 + i % 5,
       CASE WHEN i % 4 = 0 THEN 'Great, write to me at shopper' || i || '@realmail.test' ELSE 'Works as described, thanks' END
FROM generate_series(1, 80) i;
