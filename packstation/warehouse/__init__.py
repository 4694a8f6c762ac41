"""Warehouse mode: benches that share one PostgreSQL behave as one warehouse.

Claims with leases (``claims``), one catalog (``catalog``), the label registry, facts,
benches and leads (``floor``), the schema and its migrations (``schema``). Nothing here
knows Qt, and nothing here is imported unless a warehouse is configured: psycopg loads
off the bench's launch path.
"""
