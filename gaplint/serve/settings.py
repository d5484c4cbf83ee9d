"""What the server allows: where it listens, how much it takes, how long it keeps results."""

from __future__ import annotations

from dataclasses import dataclass, field

from gaplint.config import Overrides

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8421
# Names a browser on this machine uses for a loopback server; anything else in the Host
# header is refused, so a page elsewhere cannot reach us through DNS rebinding.
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")
WILDCARD_HOSTS = ("0.0.0.0", "::", "")


@dataclass(frozen=True)
class ServeSettings:
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    allowed_hosts: tuple[str, ...] = ()
    """Names besides loopback and --host that clients may send in the Host header."""
    config: str | None = None
    isolated: bool = False
    overrides: Overrides = field(default_factory=Overrides)
    jobs: int = 1
    """Worker processes per check."""
    max_upload_bytes: int = 50_000_000
    """The whole request; over it is 413."""
    max_files: int = 20
    concurrent_checks: int = 2
    """Checks run at once; another request waits up to `queue_seconds`, then gets 503."""
    queue_seconds: float = 30.0
    result_seconds: float = 3600.0
    """How long a result can be downloaded."""
    result_store_bytes: int = 200_000_000
    """Memory kept for results (their JSON size); the oldest go first."""
    result_count: int = 100

    def trusted_hosts(self) -> list[str]:
        names = [*LOOPBACK_NAMES, *self.allowed_hosts]
        if self.host not in WILDCARD_HOSTS:
            names.append(self.host)
        return names
