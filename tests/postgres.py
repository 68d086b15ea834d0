"""A PostgreSQL server for tests: the one named by ``SITREP_TEST_POSTGRES_URL``, or a throwaway local cluster.

Tests ask for the session fixture ``postgres_url`` (import it into the test module). When the environment variable
is set, its URL is used as it is (nothing is created or dropped on that server but what the tests themselves
do). Otherwise, when Debian's PostgreSQL binaries are installed (``/usr/lib/postgresql/<version>/bin``), a cluster
is initialised in a temporary folder, started on a free loopback port, given a ``sitrep_test`` database, and
stopped and deleted after the session; as root, the server runs as the ``postgres`` system user, since
``initdb`` refuses root. Without either, the tests that need it are skipped with the reason.

:func:`temporary_server` is usable outside pytest (the throughput script starts one with fsync on).
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ENV = "SITREP_TEST_POSTGRES_URL"
DATABASE = "sitrep_test"


def find_bindir() -> Path | None:
    """The newest ``/usr/lib/postgresql/<version>/bin`` that has ``initdb`` and ``pg_ctl``, or None."""
    found = [Path(p).parent for p in glob.glob("/usr/lib/postgresql/*/bin/initdb")]
    found = [d for d in found if (d / "pg_ctl").exists()]
    return max(found, key=lambda d: _version(d.parent.name)) if found else None


def _version(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in name.split(".") if part.isdigit())


def _has_user(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def temporary_server(bindir: Path, *, fsync: bool = False) -> Iterator[str]:
    """Start a throwaway cluster with ``bindir``'s binaries; yield the URL of its ``sitrep_test`` database."""
    as_root = os.geteuid() == 0
    prefix: list[str] = []
    owner: pwd.struct_passwd | None = None
    if as_root:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            raise RuntimeError("running as root and there is no 'postgres' system user to run the server as") from None
        prefix = ["runuser", "-u", "postgres", "--"]
    base = Path(tempfile.mkdtemp(prefix="sitrep-pg-"))
    if owner is not None:
        os.chown(base, owner.pw_uid, owner.pw_gid)
    data, log = base / "data", base / "server.log"
    user = owner.pw_name if owner is not None else pwd.getpwuid(os.geteuid()).pw_name

    def run(*args: str) -> None:
        done = subprocess.run([*prefix, *args], cwd=base, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{' '.join(args)} failed ({done.returncode}):\n{done.stderr}{done.stdout}\n{tail}")

    port = _free_port()
    started = False
    try:
        run(str(bindir / "initdb"), "-D", str(data), "-U", user, "-A", "trust", "-E", "UTF8", "--no-sync",
            "--no-instructions")  # fmt: skip
        options = f"-h 127.0.0.1 -p {port} -k {base}" + ("" if fsync else " -F")
        run(str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "start")
        started = True
        run(str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", user, DATABASE)
        yield f"postgresql+psycopg://{user}@127.0.0.1:{port}/{DATABASE}"
    finally:
        if started:
            run(str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(base)


def _skip_or_fail(reason: str) -> None:
    """Skip, unless ``SITREP_REQUIRE_POSTGRES=1`` (as in CI, which installs the server): then fail."""
    if os.environ.get("SITREP_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"PostgreSQL is required here (SITREP_REQUIRE_POSTGRES=1): {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """The URL of a PostgreSQL database for the tests (see the module docstring); skips when there is none."""
    url = os.environ.get(ENV)
    if url:
        yield url
        return
    bindir = find_bindir()
    if bindir is None:
        _skip_or_fail(
            f"no PostgreSQL server: set {ENV} to a database URL, or install the 'postgresql' Debian package "
            "(its binaries in /usr/lib/postgresql/<version>/bin start a throwaway server)"
        )
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _skip_or_fail("psycopg 3 is not installed (pip install 'sitrep[postgres]')")
    if os.geteuid() == 0 and not _has_user("postgres"):
        _skip_or_fail("running as root and there is no 'postgres' system user to run the test server as")
    with temporary_server(bindir) as url:
        yield url


@contextlib.contextmanager
def fresh_schema(url: str, name: str) -> Iterator[str]:
    """A URL like ``url`` whose connections work in a new, empty schema ``name``, dropped afterwards.

    Each test gets a database of its own this way without creating databases (which a user-provided server
    may not allow) and without touching anything else on that server.
    """
    import sqlalchemy as sa

    base = sa.make_url(url.replace("postgresql://", "postgresql+psycopg://", 1))
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    quoted = admin.dialect.identifier_preparer.quote(name)
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f"DROP SCHEMA IF EXISTS {quoted} CASCADE"))
            conn.execute(sa.text(f"CREATE SCHEMA {quoted}"))
        scoped = base.update_query_dict({"options": f"-csearch_path={name}"})
        yield scoped.render_as_string(hide_password=False)
        with admin.connect() as conn:
            conn.execute(sa.text(f"DROP SCHEMA {quoted} CASCADE"))
    finally:
        admin.dispose()
