"""``packstation slip ORDER --pdf FILE``: one order's packing slip as a PDF, for IT.

The order is loaded with the station's configured store and keyring token (or, with
``--demo``, from the embedded sandbox's demo data, without a network). The slip lists
what is still to ship (ordered minus fulfilled), as one box unless ``--box``/``--boxes``
say otherwise. Every outcome is one line; the exit code says what happened:
0 written, 2 the station is not set up (no store ID or token), 3 the order could not be
loaded, 4 the PDF could not be written (a folder that cannot be written, or an order
whose reference and Redo ID a barcode cannot carry). The slip's barcode carries the
reference, or the Redo order ID when the reference is not plain ASCII (``Slip.barcode``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from packstation.config_toml import ConfigProblem
    from packstation.redo.models import Order


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    slip = sub.add_parser("slip", help="write an order's packing slip as a PDF (for IT)")
    slip.add_argument("slip_order", metavar="ORDER", help="order number (#1001), or its ID")
    slip.add_argument("--pdf", dest="slip_pdf", type=Path, metavar="FILE", required=True)
    slip.add_argument(
        "--demo", dest="slip_demo", action="store_true", help="from the demo sandbox's orders"
    )
    slip.add_argument(
        "--page-size", dest="slip_page_size", choices=("A4", "Letter", "4x6"), default=None
    )
    slip.add_argument("--box", dest="slip_box", type=int, default=1, metavar="N")
    slip.add_argument("--boxes", dest="slip_boxes", type=int, default=1, metavar="N")
    slip.add_argument("--packer", dest="slip_packer", default="", metavar="NAME")


def _remaining(order: Order) -> dict[str, int]:
    done = order.fulfilled_quantities()
    return {
        item.id: item.quantity - done.get(item.id, 0)
        for item in order.line_items
        if item.quantity > done.get(item.id, 0)
    }


def _say_locks(problems: list[ConfigProblem]) -> None:
    """An ``--api-url`` or ``PACKSTATION_API_URL`` that IT's lock refused: said, one line
    each, so nobody believes the slip came from the address they gave."""
    from packstation.config_toml import ConfigProblemKind
    from packstation.ui.words.starting import config_problem_text

    for problem in problems:
        if problem.kind is ConfigProblemKind.LOCKED_KEY:
            print(config_problem_text(problem), file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    from packstation.config import Settings, load_machine_config
    from packstation.redo.errors import RedoError
    from packstation.station_args import resolve_settings, station_paths

    ref = args.slip_order.strip()
    demo = bool(args.slip_demo or getattr(args, "demo", False))
    if args.slip_box < 1 or args.slip_boxes < 1:
        print("--box and --boxes are counted from 1.", file=sys.stderr)
        return 2
    settings = Settings()
    try:
        if demo:
            from packstation.redo.models import Order
            from packstation.sandbox import SandboxState
            from packstation.sandbox.state import SandboxError

            state = SandboxState.demo()
            try:
                order = Order.model_validate(state.get_order(ref))
            except SandboxError:
                print(f"No demo order {ref}.", file=sys.stderr)
                return 3
            store_name = state.store_name
        else:
            machine = load_machine_config()
            problems: list[ConfigProblem] = []
            settings, _, _ = resolve_settings(args, station_paths(args), machine, problems)
            _say_locks(problems)
            from packstation.credentials import TokenStore

            token = TokenStore().get(settings.store_id) if settings.store_id else None
            if token is None:
                print(
                    "This station has no store ID or API token: set them up first "
                    "(packstation token set), or use --demo.",
                    file=sys.stderr,
                )
                return 2
            from packstation.redo.client import RedoClient, Timeouts

            with RedoClient(
                token=token,
                store_id=settings.store_id,
                base_url=settings.api_url,
                timeouts=Timeouts(connect=settings.connect_timeout, read=settings.read_timeout),
            ) as client:
                order = client.get_order(ref)
            store_name = settings.store_name or settings.store_id
    except RedoError as exc:
        from packstation.ui.words.problems import redo_text  # English: no translator here

        print(f"Order {ref} could not be loaded: {redo_text(exc.problem)}", file=sys.stderr)
        return 3
    packed = _remaining(order)
    if not packed:
        print(f"Order {ref} has nothing left to ship; no slip written.", file=sys.stderr)
        return 3
    from packstation.ui.qtapp import ensure_gui_application

    ensure_gui_application()
    from packstation.ui.printing.print_queue import PrintTarget
    from packstation.ui.printing.printer import print_blocking
    from packstation.ui.printing.slips import PrintError, Slip

    slip = Slip.build(
        order,
        ref,
        packed,
        store_name=store_name,
        packer=args.slip_packer,
        box=args.slip_box,
        boxes=max(args.slip_boxes, args.slip_box),
    )
    path: Path = args.slip_pdf
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        print_blocking(
            slip, PrintTarget(), args.slip_page_size or settings.page_size, pdf_file=path
        )
    except (PrintError, OSError) as exc:
        print(f"The slip could not be written to {path}: {exc}", file=sys.stderr)
        return 4
    print(f"Wrote {path}: packing slip for {ref}, {slip.units} items.")
    return 0
