"""``packstation-sandbox``: run the local Redo stand-in, or print its demo sheet.

It lives beside the composition root rather than in ``sandbox/`` because the
sheet is drawn with Qt, which ``sandbox/`` must never import.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import signal
import sys
import threading
from pathlib import Path

from packstation.sandbox.faults import FAULT_HELP, Faults, parse_fault
from packstation.sandbox.server import SandboxServer
from packstation.sandbox.state import SandboxState


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="packstation-sandbox",
        description="A local stand-in for Redo's Orders API v2.2, with demo orders.",
        epilog="faults:\n" + FAULT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--port", type=int, default=8787, help="port on 127.0.0.1 (0: any free)")
    parser.add_argument("--token", help="the API token to accept (default: a random one)")
    parser.add_argument("--store-id", default="demo-store", help="the store ID to serve")
    parser.add_argument("--state", type=Path, help="keep the sandbox's state in this JSON file")
    parser.add_argument(
        "--fault", action="append", default=[], metavar="FAULT", help="misbehave (see below)"
    )
    parser.add_argument(
        "--print-sheet", type=Path, metavar="PDF", help="write the demo barcode sheet and exit"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.print_sheet:
        from packstation.ui.printing.sheets import write_demo_sheet

        pages = write_demo_sheet(args.print_sheet, SandboxState.demo())
        print(f"Wrote {args.print_sheet} ({pages} pages)")
        return 0
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    faults = Faults()
    try:
        for text in args.fault:
            parse_fault(text, faults)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    try:
        server = SandboxServer(
            state=SandboxState.demo(args.state),
            token=args.token,
            store_id=args.store_id,
            port=args.port,
            faults=faults,
        )
    except OSError as exc:
        print(f"Cannot listen on 127.0.0.1:{args.port}: {exc.strerror}", file=sys.stderr)
        return 1
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with server:
        print(f"Redo sandbox serving {server.state.store_name}")
        print(f"  API URL:  {server.base_url}")
        print(f"  Store ID: {server.store_id}")
        print(f"  Token:    {server.token}")
        print("Press Ctrl+C to stop.", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            stop.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
