"""What the window needs from the rest of the program, handed in by the composition root."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pydantic import SecretStr

from packstation.config import Paths, Settings
from packstation.credentials import TokenStore
from packstation.store.station import StationStore
from packstation.ui.station.sounds import SilentPlayer, SoundPlayer

if TYPE_CHECKING:
    from packstation.config_toml import ConfigProblem
    from packstation.redo.client import RedoClient
    from packstation.store.problems import StationNotice
    from packstation.ui.station.launch_fetch import LaunchFetch


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
    #: Of those, the ones IT locked, with the machine config file that locks them.
    locked_by_it: dict[str, str] = field(default_factory=dict)
    #: Problems found at start (a malformed machine config), shown once in the window.
    #: What start-up found to say once: a line of a settings file left out, the station
    #: database repaired (worded by the bench, ``ui/words/starting.py``).
    notices: list[ConfigProblem | StationNotice] = field(default_factory=list)
    #: The client and the slip start-up asked Redo for ahead of the bench (launch_fetch.py).
    launch: LaunchFetch | None = None

    def token(self) -> SecretStr | None:
        return read_token(self.settings, self.tokens, self.token_override)

    def make_client(self) -> RedoClient | None:
        """A client for the configured store, or None when something is missing.

        The first call takes the client start-up built for these settings (``launch``).
        """
        ahead = self.launch.take_client() if self.launch is not None else None
        if ahead is not None:
            return ahead.result()  # raises what building it raised, as below would
        return build_client(self.settings, self.token())


def read_token(
    settings: Settings, tokens: TokenStore, override: SecretStr | None = None
) -> SecretStr | None:
    """The demo's own token, else the store's from the keyring (None: no store yet)."""
    if override is not None:
        return override
    if not settings.store_id:
        return None
    return tokens.get(settings.store_id)


def build_client(settings: Settings, token: SecretStr | None) -> RedoClient | None:
    """A client for ``settings``' store, or None when the store or the token is missing."""
    if token is None or not settings.store_id:
        return None
    from packstation.redo.client import RedoClient, Timeouts

    return RedoClient(
        token=token,
        store_id=settings.store_id,
        base_url=settings.api_url,
        timeouts=Timeouts(
            connect=settings.connect_timeout,
            read=settings.read_timeout,
            write=settings.read_timeout,
            total=settings.request_deadline,
        ),
    )
