"""A local stand-in for Redo's Orders API, for the demo, the tests and training."""

from packstation.sandbox.faults import Faults
from packstation.sandbox.limits import Limits
from packstation.sandbox.server import SandboxServer
from packstation.sandbox.state import SandboxState

__all__ = ["Faults", "Limits", "SandboxServer", "SandboxState"]
