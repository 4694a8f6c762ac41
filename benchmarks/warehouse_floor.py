"""The simulated benches of the warehouse benchmark (``bench_warehouse.py``): each a
process holding its two connections as ``WarehouseDoor`` does, and the floor that asks
them one command at a time."""

from __future__ import annotations

import multiprocessing as mp
import random
import select
import time
import traceback
from collections import defaultdict
from functools import partial
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from packstation.packing.catalog import CatalogEntry
from packstation.store.station import StationStore
from packstation.warehouse import catalog, claims, floor
from packstation.warehouse.address import WarehouseAddress
from packstation.warehouse.link import Listener, WorkingLink

LEASE = 60.0
#: Seconds between one bench's chores on the busy floor. A real bench claims an order
#: every minute or so, and renews and reports every 20 s (``warehouse_door.HEARTBEAT_S``):
#: this is about 60 times a real floor's claims and 10 times its heartbeats.
CADENCE = {"claim": 1.0, "renew": 2.0, "report": 2.0, "select": 2.0}


def now() -> float:
    return time.monotonic()


# --------------------------------------------------------------------------- one bench


class Bench:
    """One simulated bench: its two connections and its own station database."""

    def __init__(self, index: int, address: WarehouseAddress, folder: Path) -> None:
        self.name = name = f"bench-{index:02d}"
        app = f"PackStation bench {name}"  # the door's: "PackStation <version> <bench>"
        self.link = WorkingLink(address, app)
        self.link.run(floor.leads)  # as the door connects: the schema checked first
        self.listener = Listener.open(address, app)
        self.store = StationStore(folder / f"{name}.sqlite3")
        self.store.warehouse.join(name)
        self.seen: dict[str, float] = {}  # barcode: when it reached the station database
        self.orders = 0
        self.open_order = order = f"{name}-open"
        self.sync_catalog()
        self.link.run(lambda c: floor.report(c, floor.BenchState(name, "packer")))
        self.link.run(lambda c: claims.claim(c, order, "#open", name, "packer", LEASE))

    def sync_catalog(self) -> None:
        local = self.store.warehouse
        while True:
            version = local.catalog_version
            changes = self.link.run(partial(catalog.changes_since, version=version))
            if not changes:
                return
            local.apply_catalog(changes, self.name)
            applied = now()
            for change in changes:
                self.seen.setdefault(change.barcode, applied)
            if len(changes) < catalog.PAGE:
                return

    def poked(self) -> None:
        if any(poke.get("kind") == "catalog" for poke in self.listener.drain()):
            self.sync_catalog()

    def claim_release(self, samples: dict[str, list[float]]) -> None:
        self.orders += 1
        order, name = f"{self.name}-{self.orders}", self.name
        start = now()
        won = self.link.run(lambda c: claims.claim(c, order, order, name, "packer", LEASE))
        claimed = now()
        self.link.run(lambda c: claims.release(c, order, name))
        assert isinstance(won, claims.Claimed), won
        samples["claim"].append(claimed - start)
        samples["claim_release"].append(now() - start)

    def chore(self, task: str, samples: dict[str, list[float]]) -> None:
        name, order = self.name, self.open_order
        if task == "claim":
            self.claim_release(samples)
        elif task == "renew":
            self.link.run(lambda c: claims.renew(c, order, name, LEASE))
        elif task == "report":
            state = floor.BenchState(name, "packer", f"#{self.orders}")
            self.link.run(lambda c: floor.report(c, state))
        else:
            start = now()
            self.link.run(lambda c: c.execute("SELECT 1").fetchone())
            samples["select"].append(now() - start)

    def race(self, order: str, at: float) -> tuple[bool, float, float]:
        time.sleep(max(0.0, at - now()))
        started, name = now(), self.name
        got = self.link.run(lambda c: claims.claim(c, order, order, name, "racer", LEASE))
        return isinstance(got, claims.Claimed), started, now()

    def teach(self, barcode: str) -> float:
        entry, name = CatalogEntry(f"SKU-{barcode}", barcode), self.name
        start = now()
        self.link.run(lambda c: catalog.teach(c, entry, "packer", name))
        return start

    def close(self) -> None:
        self.listener.close()
        self.link.close()
        self.store.close()


def bench_process(index: int, url: str, folder: Path, pipe: Connection) -> None:
    """A bench's loop: pokes, the benchmark's commands, and its chores while busy."""
    try:
        random.seed(index)
        bench = Bench(index, WarehouseAddress.parse(url), folder)
        pipe.send(("ok", bench.name))
        due: dict[str, float] = {}
        cpu = 0.0
        samples: dict[str, list[float]] = defaultdict(list)
        while True:
            wait = max(0.0, min(due.values()) - now()) if due else None
            ready, _, _ = select.select([pipe, bench.listener], [], [], wait)
            if bench.listener in ready:
                bench.poked()
            if pipe in ready:
                verb, *args = pipe.recv()
                reply: Any = None
                if verb == "quit":
                    bench.close()
                    pipe.send(("ok", None))
                    return
                if verb == "busy":
                    due = {task: now() + random.uniform(0, s) for task, s in CADENCE.items()}
                    cpu = time.process_time()
                elif verb == "idle":
                    samples["cpu_s"].append(time.process_time() - cpu)
                    due, reply = {}, dict(samples)
                elif verb == "alone":
                    for _ in range(args[0]):
                        bench.chore("select", samples)
                        bench.claim_release(samples)
                    reply = dict(samples)
                elif verb == "seen":
                    reply = bench.seen
                else:
                    reply = getattr(bench, verb)(*args)  # "teach", "race"
                samples = defaultdict(list) if verb in ("idle", "alone") else samples
                pipe.send(("ok", reply))
            for task, when in list(due.items()):
                if when <= now():
                    bench.chore(task, samples)
                    due[task] = max(when + CADENCE[task], now())
    except Exception:
        pipe.send(("error", traceback.format_exc()))


class Floor:
    """The bench processes, each asked one command at a time."""

    def __init__(self, url: str, folder: Path) -> None:
        self.url, self.folder = url, folder
        self.pipes: list[Connection] = []
        self.processes: list[Any] = []
        self._context = mp.get_context("fork")  # everything imported once, here

    def add(self, count: int) -> None:
        """``count`` more benches. No connection of this process may be open: a forked
        copy of it would end the session when that process exits."""
        first = len(self.pipes)
        for index in range(first, first + count):
            mine, theirs = self._context.Pipe()
            process = self._context.Process(
                target=bench_process, args=(index, self.url, self.folder, theirs), daemon=True
            )
            process.start()
            theirs.close()
            self.pipes.append(mine)
            self.processes.append(process)
        for index in range(first, first + count):
            self._answer(index)

    def _answer(self, index: int) -> Any:
        status, body = self.pipes[index].recv()
        if status == "error":
            raise RuntimeError(f"bench {index} failed:\n{body}")
        return body

    def ask(self, indexes: list[int] | None, *command: Any) -> list[Any]:
        """Every bench of ``indexes`` (None: all) does ``command``; their answers."""
        indexes = list(range(len(self.pipes))) if indexes is None else indexes
        for index in indexes:
            self.pipes[index].send(command)
        return [self._answer(index) for index in indexes]

    def close(self) -> None:
        for index, pipe in enumerate(self.pipes):
            try:
                pipe.send(("quit",))
                self._answer(index)
            except (OSError, EOFError, RuntimeError):
                pass  # gone already: joined below
        for process in self.processes:
            process.join(10)
            if process.is_alive():
                process.kill()
                process.join()
        for pipe in self.pipes:
            pipe.close()
