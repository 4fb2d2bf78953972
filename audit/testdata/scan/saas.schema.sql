-- A SaaS database with French, German and Spanish column names (deterministic).
CREATE SCHEMA app;
CREATE TABLE app.utilisateurs (id bigserial PRIMARY KEY, courriel text NOT NULL UNIQUE, prenom text, nom text, telephone text,
  date_naissance date, mot_de_passe text NOT NULL, cree_le timestamptz);
CREATE TABLE app.kunden (id serial PRIMARY KEY, vorname text, nachname text, strasse text, plz varchar(5), ort text,
  geburtsdatum date, "E-Mail-Adresse" text, notiz text);
CREATE TABLE app.clientes (id serial PRIMARY KEY, nombre text, apellidos text, correo text, telefono text, direccion text,
  ciudad text, codigo_postal text, dni varchar(9), activo boolean);
CREATE TABLE app.api_keys (id serial PRIMARY KEY, utilisateur_id bigint NOT NULL REFERENCES app.utilisateurs(id), token text NOT NULL,
  scopes text[], created_at timestamptz);
CREATE TABLE app.audit_log (id bigserial PRIMARY KEY, actor text, action text, remote_addr inet, details jsonb, message text);
CREATE TABLE app.plans (id serial PRIMARY KEY, code text UNIQUE, monthly_price numeric(8,2), features text[]);
INSERT INTO app.utilisateurs (courriel, prenom, nom, telephone, date_naissance, mot_de_passe, cree_le)
SELECT 'client' || i || '@exemple-reel.test', 'Prénom' || i, 'Nom' || i, '+33 1 23 45 ' || lpad((i % 100)::text, 2, '0') || ' 67',
       date '1980-01-01' + i * 53, md5('mdp' || i), timestamptz '2024-03-01' + i * interval '2 hours'
FROM generate_series(1, 50) i;
INSERT INTO app.kunden (vorname, nachname, strasse, plz, ort, geburtsdatum, "E-Mail-Adresse", notiz)
SELECT 'Vorname' || i, 'Nachname' || i, 'Hauptstraße ' || i, lpad((10000 + i)::text, 5, '0'), 'Berlin', date '1975-05-05' + i * 41,
       'kunde' || i || '@echt-mail.test', CASE WHEN i % 3 = 0 THEN 'Rückruf unter +49 30 1234 ' || lpad(i::text, 3, '0') ELSE 'ok' END
FROM generate_series(1, 40) i;
INSERT INTO app.clientes (nombre, apellidos, correo, telefono, direccion, ciudad, codigo_postal, dni, activo)
SELECT 'Nombre' || i, 'Apellido' || i, 'cliente' || i || '@correo-real.test', '+34 91 123 ' || lpad(i::text, 4, '0'),
       'Calle Mayor ' || i, 'Madrid', '280' || lpad(i::text, 2, '0'), lpad(i::text, 8, '0') || 'Z', true
FROM generate_series(1, 40) i;
INSERT INTO app.api_keys (utilisateur_id, token, scopes, created_at)
SELECT i, 'sk_live_' || md5('key' || i), ARRAY['read', 'write'], timestamptz '2024-04-01' + i * interval '1 day'
FROM generate_series(1, 50) i;
INSERT INTO app.audit_log (actor, action, remote_addr, details, message)
SELECT 'client' || (1 + i % 50) || '@exemple-reel.test', 'login', ('198.51.100.' || (i % 250))::inet,
       jsonb_build_object('ua', 'Mozilla/5.0', 'ok', true), 'login succeeded'
FROM generate_series(1, 100) i;
INSERT INTO app.plans (code, monthly_price, features) VALUES ('free', 0, '{api}'), ('pro', 29, '{api,sso}');
