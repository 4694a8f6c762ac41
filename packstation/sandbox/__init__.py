"""A local stand-in for Redo's Orders API, for the demo, the tests and training."""

from packstation.sandbox.faults import Faults
from packstation.sandbox.limits import Limits
from packstation.sandbox.server import SHARED_DEMO_TOKEN, SandboxServer
from packstation.sandbox.state import SandboxState

__all__ = ["SHARED_DEMO_TOKEN", "Faults", "Limits", "SandboxServer", "SandboxState"]
