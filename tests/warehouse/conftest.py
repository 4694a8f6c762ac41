from tests.helpers.warehouse import empty_database, postgres, warehouse

__all__ = ["empty_database", "postgres", "warehouse"]
