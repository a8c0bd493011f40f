-- Runs once, when the postgres container initialises an empty data directory.
-- Only the databases: each service's migrations create its roles, tables and grants
-- (and create the database too when it is missing, so this is a convenience, not a requirement).
CREATE DATABASE fleet_tenancy;
CREATE DATABASE fleet_identity;
CREATE DATABASE fleet_inventory;
CREATE DATABASE fleet_engagement;
CREATE DATABASE fleet_payment;
CREATE DATABASE fleet_catalog;
CREATE DATABASE fleet_search;
CREATE DATABASE fleet_order;
CREATE DATABASE fleet_storefront;
CREATE DATABASE fleet_shipment;
