"""What a request must show before the app sees it: a Host the server answers to,
for writes a same-origin request with the write token, and a body under the limit.

Reads are guarded by the Host check only: a page of another site cannot read our
responses (no CORS), except through DNS rebinding, where its own name points at
127.0.0.1 and the browser sends that name as Host. Writes (any method but GET, HEAD,
OPTIONS) also need ``Authorization: Bearer <token>``, which a page of another site
cannot know, and an Origin (when the browser sends one) naming this server.
The body limit is counted while the body streams in, so an oversized upload is
refused after at most ``max_body`` bytes, and at once when Content-Length says so.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import stat
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from starlette.exceptions import HTTPException

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "::1"}
WILDCARD_BINDS = {"", "0.0.0.0", "::"}


def host_name(value: str) -> str:
    """The host part of a Host header or netloc, lower-case, without port or IPv6 brackets."""
    value = (value or "").strip().lower()
    if value.startswith("["):
        return value[1:value.find("]")] if "]" in value else ""
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def allowed_hosts(bind: str | None, extra: list[str] | tuple[str, ...] = ()) -> set[str]:
    """Loopback names, the address the server is bound to (unless a wildcard) and ``extra``."""
    hosts = set(LOOPBACK_HOSTS)
    if bind and host_name(bind) not in WILDCARD_BINDS:
        hosts.add(host_name(bind))
    hosts.update(host_name(h) for h in extra if h)
    return hosts


def _host_ok(name: str, hosts: set[str]) -> bool:
    # *.localhost always resolves to loopback in browsers, so no outside name can rebind to it
    return bool(name) and (name in hosts or name.endswith(".localhost") or "*" in hosts)


@dataclass
class GuardConfig:
    token: str | None                    # None with auth on: every write is refused
    auth: bool = True                    # False only for --no-auth (a local demo)
    hosts: set[str] = field(default_factory=lambda: set(LOOPBACK_HOSTS))
    max_body: int = 21 * 1024 * 1024


class BodyTooLarge(HTTPException):
    """Raised by ``receive`` past the limit; an HTTPException, so that a route reading
    the body answers 413 through FastAPI's own handler."""

    def __init__(self, limit: int):
        super().__init__(413, f"request body over the {_mb(limit)} limit")


class Guard:
    """ASGI middleware enforcing a ``GuardConfig`` on every HTTP request."""

    def __init__(self, app, config: GuardConfig):
        self.app, self.config = app, config

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers") or []}
        refusal = self.check(scope["method"], headers)
        if refusal:
            return await _refuse(send, *refusal)
        limit, seen = self.config.max_body, 0
        started = False

        async def counted_receive():
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body") or b"")
                if seen > limit:
                    raise BodyTooLarge(limit)
            return msg

        async def tracked_send(msg):
            nonlocal started
            if msg["type"] == "http.response.start":
                started = True
            await send(msg)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except Exception as e:             # past the limit outside a route, or re-raised by a wrapper
            if started or not any(isinstance(x, BodyTooLarge) for x in _chain(e)):
                raise
            await _refuse(send, 413, f"request body over the {_mb(limit)} limit")

    def check(self, method: str, headers: dict[str, str]) -> tuple[int, str] | None:
        """(status, reason) when the request is refused, else None."""
        c = self.config
        host = host_name(headers.get("host", ""))
        if not _host_ok(host, c.hosts):
            return 400, (f"this server does not answer to the host name {host!r}; start it with "
                         f"--allow-host {host or 'NAME'} if that name is yours")
        length = headers.get("content-length", "")
        if length.strip().isdigit() and int(length) > c.max_body:
            return 413, f"request body over the {_mb(c.max_body)} limit"
        if method.upper() in SAFE_METHODS:
            return None
        origin = headers.get("origin")
        if origin is not None:
            o = urlsplit(origin)
            if origin == "null" or not o.netloc or o.netloc.lower() != headers.get("host", "").lower():
                return 403, "cross-origin write refused (the Origin is not this server)"
        elif headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
            return 403, "cross-site write refused"
        if not c.auth:
            return None
        if not c.token:
            return 403, "this server takes no writes (it has no write token)"
        scheme, _, given = headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not given.strip():
            return 401, "writes need the server's token: Authorization: Bearer <token>"
        if not hmac.compare_digest(given.strip().encode(), c.token.encode()):
            return 401, "wrong write token"
        return None


def _chain(e: BaseException):
    seen = set()
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        yield e
        for sub in getattr(e, "exceptions", ()) or ():   # ExceptionGroup from task groups
            yield from _chain(sub)
        e = e.__cause__ or e.__context__


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n} bytes"


async def _refuse(send, status: int, reason: str) -> None:
    body = json.dumps({"detail": reason}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
               (b"x-content-type-options", b"nosniff"), (b"cache-control", b"no-store"),
               (b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'")]
    if status == 401:
        headers.append((b"www-authenticate", b'Bearer realm="riwaya"'))
    if status == 413:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


# ---------- the token ----------

def token_path(db_url: str) -> Path:
    """Where the write token of a store lives: beside a SQLite file (``news.db.token``),
    else in the user's config folder, named by a hash of the store URL without its password."""
    from ..store import normalize_url
    db_url = normalize_url(db_url)
    if db_url.startswith("sqlite:///") and db_url[len("sqlite:///"):].split("?")[0] not in ("", ":memory:"):
        return Path(db_url[len("sqlite:///"):].split("?")[0] + ".token")
    u = urlsplit(db_url)
    safe = u._replace(netloc=(u.hostname or "") + (f":{u.port}" if u.port else "")).geturl() if u.netloc else db_url
    name = hashlib.sha256(((u.username or "") + "@" + safe).encode()).hexdigest()[:16]
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "riwaya" / "tokens" / f"{name}.token"


@dataclass
class Token:
    value: str
    path: Path | None       # None when given by the environment
    created: bool           # True on first start: the token is shown once
    warning: str | None = None


def load_or_create_token(path: Path) -> Token:
    """Read the token at ``path``, or create it there (owner-only permissions, never
    overwriting a file another server created at the same moment)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    # the token is written whole to a private temporary file, then linked to its name: the link
    # fails if another server made the file first, and nobody ever reads a half-written token
    value = secrets.token_urlsafe(32)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(value + "\n")
    try:
        os.link(tmp, path)
    except FileExistsError:
        value = path.read_text("utf-8").strip()
        if len(value) < 16:
            raise ValueError(f"{path} holds no usable token (remove it to make a new one)")
        mode = stat.S_IMODE(path.stat().st_mode)
        warn = f"{path} can be read by other users (mode {mode:o}); run: chmod 600 {path}" if mode & 0o077 else None
        return Token(value, path, False, warn)
    finally:
        os.unlink(tmp)
    return Token(value, path, True)
