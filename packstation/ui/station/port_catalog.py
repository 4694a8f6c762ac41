"""The station's barcode catalog, through the port: imports, taught codes, what a code is,
the codes Redo's inventory has for an order's products.

Part of the station port (``port.catalog``): the same runners, the same rules.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from packstation.packing.catalog import KeyedEntries
from packstation.store.catalog import CatalogImport, TaughtCode
from packstation.ui.station.port_types import Done, Failed, KnownCode

if TYPE_CHECKING:
    from packstation.packing.catalog import CatalogEntry
    from packstation.store.upc_lookup import UpcLookup
    from packstation.ui.station.port import StationPort

log = logging.getLogger("packstation.port")


class CatalogDoor:
    def __init__(self, port: StationPort) -> None:
        self._port = port

    def entries_for(self, skus: list[str], done: Done[list[CatalogEntry]], failed: Failed) -> None:
        """The codes the catalog knows for these SKUs (an order's), through an index."""
        catalog = self._port._store.catalog
        self._port._writes.submit(lambda: KeyedEntries(catalog.entries_for(skus)), done, failed)

    def learn_upcs(self, skus: list[str], done: Done[UpcLookup], failed: Failed) -> None:
        """The order's product codes from Redo's inventory, in the background."""
        from packstation.store.upc_lookup import learn_upcs

        client, catalog = self._port.client, self._port._store.catalog
        if client is not None:

            def work() -> UpcLookup:
                found = learn_upcs(client, catalog, skus)
                found.learned = KeyedEntries(found.learned)  # keyed here, not on the GUI
                return found

            self._port._read(work, done, failed)

    def teach(
        self, sku: str, code: str, who: str, done: Done[CatalogEntry], failed: Failed
    ) -> None:
        store, warehouse = self._port._store, self._port.warehouse

        def taught(entry: CatalogEntry) -> None:
            self._port.catalog_changed.emit()
            if warehouse is not None:
                warehouse.push()  # every bench packs by it within the next poke
            done(entry)

        def work() -> CatalogEntry:
            if warehouse is not None:  # taught here and queued for every bench, at once
                return store.warehouse.teach(sku, code, who)
            return store.catalog.teach(sku, code, who)

        self._port._writes.submit(work, taught, failed)

    def identify_code(self, code: str, done: Done[KnownCode | None]) -> None:
        """Whether ``code`` is already some product's barcode or SKU: in the station's
        catalog (any GTIN form), else as a SKU in Redo's inventory. None when neither
        knows it, or Redo cannot be asked (no inventory scope, offline)."""
        from packstation.packing.codes import sku_key
        from packstation.redo.errors import RedoError

        catalog, client = self._port._store.catalog, self._port.client

        def work() -> KnownCode | None:
            sku = sku_key(code)
            entry = catalog.lookup(code)
            if entry is not None:
                return KnownCode(entry.sku, entry.sku)
            named = catalog.knows_sku(code)
            if named is not None:
                return KnownCode(named, named)
            if client is None:
                return None
            try:
                levels = client.find_inventory_levels(code)
            except RedoError as exc:
                log.info("cannot ask Redo whether %r is a SKU: %s", code[:80], exc.detail)
                return None
            for level in levels:
                if level.product.sku and sku_key(level.product.sku) == sku:
                    return KnownCode(level.product.sku, level.product.title)
            return None

        self._port._read(work, done, lambda exc: done(None))

    def taught(self, done: Done[list[TaughtCode]], failed: Failed) -> None:
        """Every barcode taught at this station, newest first, with who and when."""
        self._port._queries.submit(self._port._store.catalog.taught, done, failed)

    def forget(self, barcode: str, who: str, done: Done[bool], failed: Failed) -> None:
        """A taught barcode is forgotten by ``who`` (a lead): it no longer packs anything."""
        store, warehouse = self._port._store, self._port.warehouse

        def forgotten(found: bool) -> None:
            if found:
                self._port.catalog_changed.emit()
                if warehouse is not None:
                    warehouse.push()
            done(found)

        def work() -> bool:
            if warehouse is not None:
                return store.warehouse.forget(barcode, who)
            return store.catalog.forget(barcode, who)

        self._port._writes.submit(work, forgotten, failed)

    def import_catalog(
        self,
        path: Path,
        source: str,
        *,
        only_if_changed: bool,
        done: Done[CatalogImport | None],
        failed: Failed,
    ) -> None:
        """Import a catalog CSV on the store thread, in chunks: scans meanwhile use what is
        already imported. ``only_if_changed``: an unchanged file costs one ``stat`` (None).
        Progress arrives as ``catalog_progress``; the outcome as ``catalog_imported`` too."""
        catalog = self._port._store.catalog

        def progress(done_rows: int, total: int) -> None:
            self._port.catalog_progress.emit(path.name, done_rows, total)

        def work() -> CatalogImport | None:
            if only_if_changed:
                result = catalog.import_if_changed(path, source, progress)
            else:
                result = catalog.import_file(path, source, progress)
            # Logged here, on the store thread: a bench that closes at once (``--smoke``)
            # drains its writes but runs no completion.
            if result is None:
                log.info("catalog %s unchanged since its last import", path)
            else:
                log.info(
                    "catalog %s: %d barcodes, %d lines skipped",
                    path,
                    result.entries,
                    len(result.problems),
                )
                for problem in result.problems[:10]:
                    log.info("catalog %s %s", path, problem)
            return result

        def imported(result: CatalogImport | None) -> None:
            if result is not None:
                self._port.catalog_imported.emit(result)
                self._port.catalog_changed.emit()
                if self._port.warehouse is not None:
                    self._port.warehouse.share_import(source)  # every bench's catalog too
            done(result)

        def not_imported(exc: BaseException) -> None:
            self._port.catalog_imported.emit(exc)
            failed(exc)

        self._port._writes.submit(work, imported, not_imported)
