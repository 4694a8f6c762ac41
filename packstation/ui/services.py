"""What the window needs from the rest of the program, handed in by the composition root."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pydantic import SecretStr

from packstation.config import Paths, Settings
from packstation.credentials import TokenStore
from packstation.store.station import StationStore
from packstation.ui.sounds import SilentPlayer, SoundPlayer

if TYPE_CHECKING:
    from packstation.redo.client import RedoClient


@dataclass
class Services:
    settings: Settings
    paths: Paths
    store: StationStore
    tokens: TokenStore
    sound: SoundPlayer = field(default_factory=SilentPlayer)
    demo: bool = False
    #: A token that never touches the keyring (the demo's generated one).
    token_override: SecretStr | None = None
    save_settings: Callable[[Settings], None] = lambda settings: None
    #: Settings that the command line, the environment or IT fixed for this run.
    locked: frozenset[str] = frozenset()
    #: Problems found at start (a malformed machine config), shown once in the window.
    notices: list[str] = field(default_factory=list)

    def token(self) -> SecretStr | None:
        if self.token_override is not None:
            return self.token_override
        if not self.settings.store_id:
            return None
        return self.tokens.get(self.settings.store_id)

    def make_client(self) -> RedoClient | None:
        """A client for the configured store, or None when something is missing."""
        token = self.token()
        if token is None or not self.settings.store_id:
            return None
        from packstation.redo.client import RedoClient, Timeouts

        return RedoClient(
            token=token,
            store_id=self.settings.store_id,
            base_url=self.settings.api_url,
            timeouts=Timeouts(
                connect=self.settings.connect_timeout,
                read=self.settings.read_timeout,
                write=self.settings.read_timeout,
                total=self.settings.request_deadline,
            ),
        )
