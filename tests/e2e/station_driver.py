"""A headless packing station for the kill test: the window's store and sender, no widgets.

Packs each order in ``--orders`` completely (journalling every scan as the window
does), ships it with dummy tracking through the outbox, and exits when nothing is
left to send. Started again after a kill, it carries on from the journal and outbox.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path

from packstation.packing import DummyTracking, PackingSession
from packstation.redo import RedoClient, RedoError, Timeouts
from packstation.store import OutboxState, Sender, ShippingInputs
from packstation.store.station import StationStore


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--api-url", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--store-id", required=True)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--orders", nargs="+", required=True)
    args = parser.parse_args()

    store = StationStore(args.db)
    client = RedoClient(
        token=args.token,
        store_id=args.store_id,
        base_url=args.api_url,
        timeouts=Timeouts(connect=2, read=2, write=2),
    )
    sender = Sender(store.outbox, lambda event: None, client, backoff_fn=lambda n, r: 0.05)
    sender.start()
    shipped_refs = {item.order_ref for item in store.outbox.history(limit=10_000)}
    for ref in args.orders:
        if ref in shipped_refs:
            continue
        saved = store.journal.load()
        if saved is not None and saved.order_ref == ref:
            session = PackingSession(saved.order)
            session.restore(saved.packed)
        else:
            while True:
                try:
                    order = client.get_order(ref)
                    break
                except RedoError:
                    time.sleep(0.05)  # sleep-ok: the station's own pause before it retries
            session = PackingSession(order)
            store.journal.open(ref, order)
        for line in session.lines():
            while line.item.sku and session.line(line.index).packed < line.remaining:
                session.scan(line.item.sku)
                store.journal.save(
                    session.order_id, session.packed_by_line(), ShippingInputs(), "scan"
                )
        print(f"SHIP {ref}", flush=True)
        store.ship(session, ref, DummyTracking())
    # Woken by the sender each time it settles a row, rather than polled.
    never = threading.Event()
    while True:
        generation = store.outbox.generation()
        if not store.outbox.counts().pending:
            break
        store.outbox.wait(5.0, generation, never)
    sender.stop()
    client.close()
    held = store.outbox.items(OutboxState.ATTENTION)
    store.close()
    print("DONE" if not held else f"HELD {[i.last_error for i in held]}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
