"""Suite-wide guards: no network, offscreen Qt, and a fresh portfolio in a temp dir in one line."""

import contextlib
import os
import socket

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class NetworkBlocked(RuntimeError):
    """Raised when code under test tries to open a network connection."""


_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_getaddrinfo = socket.getaddrinfo
_real_create_connection = socket.create_connection


def _refuse(*_args, **_kwargs):
    raise NetworkBlocked("network access attempted during tests")


def _guarded_connect(sock, address):
    if sock.family == socket.AF_UNIX:
        return _real_connect(sock, address)
    raise NetworkBlocked(f"network access attempted during tests: {address!r}")


def _guarded_connect_ex(sock, address):
    if sock.family == socket.AF_UNIX:
        return _real_connect_ex(sock, address)
    raise NetworkBlocked(f"network access attempted during tests: {address!r}")


socket.socket.connect = _guarded_connect
socket.socket.connect_ex = _guarded_connect_ex
socket.getaddrinfo = _refuse
socket.create_connection = _refuse

LOOPBACK = {"localhost", "127.0.0.1", "::1"}


@contextlib.contextmanager
def loopback_only():
    """Within the block, connections to this machine's loopback are allowed (a local browser driver for the
    accessibility check); any other address is still refused."""

    def connect(sock, address):
        if sock.family != socket.AF_UNIX and address[0] not in LOOPBACK:
            raise NetworkBlocked(f"network access attempted during tests: {address!r}")
        return _real_connect(sock, address)

    def getaddrinfo(host, *args, **kwargs):
        if host not in LOOPBACK:
            raise NetworkBlocked(f"name lookup attempted during tests: {host!r}")
        return _real_getaddrinfo(host, *args, **kwargs)

    def create_connection(address, *args, **kwargs):
        if address[0] not in LOOPBACK:
            raise NetworkBlocked(f"network access attempted during tests: {address!r}")
        return _real_create_connection(address, *args, **kwargs)

    saved = socket.socket.connect, socket.getaddrinfo, socket.create_connection
    socket.socket.connect, socket.getaddrinfo, socket.create_connection = (
        connect,
        getaddrinfo,
        create_connection,
    )
    try:
        yield
    finally:
        socket.socket.connect, socket.getaddrinfo, socket.create_connection = saved


def pytest_collection_modifyitems(config, items):
    """Modules with a slow test run first: the workers then end together, not one waiting alone on a long
    test that happened to come last (xdist hands out whole modules in the order they first appear)."""
    items.sort(
        key=lambda item: item.get_closest_marker("slow") is None
    )  # stable: the rest keep their order


OAK = (
    "family-partnership-award",
    "Oak Primary School",
    ("Ann Patel", "Family Partnership Manager"),
)
HILLSIDE = (
    "investors-in-families-secure",
    "Hillside Secure Children's Home",
    ("Jo Bell", "Head of care"),
)


@pytest.fixture(scope="session")
def new_portfolio_file(tmp_path_factory):
    """new_portfolio_file(path, (framework id, setting, lead)) puts a new, closed portfolio at path.

    Each kind is made by create_portfolio once per worker and then copied: a closed portfolio is one
    file, and a copy takes milliseconds where making one takes tens (the suite makes hundreds).
    """
    import shutil

    from portfolio_builder.core.framework.portfolio_setup import create_portfolio
    from portfolio_builder.core.scheme.framework_catalog import shipped_framework

    made = {}

    def put(path, kind):
        if kind not in made:
            template = tmp_path_factory.mktemp("template") / path.name
            framework_id, setting, lead = kind
            create_portfolio(template, shipped_framework(framework_id), setting, lead=lead).close()
            made[kind] = template
        shutil.copyfile(made[kind], path)
        return path

    return put


@pytest.fixture
def fpa_portfolio(tmp_path, new_portfolio_file):
    """A new Family Partnership Award portfolio in a temp dir, open."""
    from portfolio_builder.core.storage.portfolio_file import Portfolio

    portfolio = Portfolio.open(new_portfolio_file(tmp_path / "oak.portfolio", OAK))
    yield portfolio
    portfolio.close()


@pytest.fixture
def iif_portfolio(tmp_path, new_portfolio_file):
    """A new Investors in Families (secure estate) portfolio in a temp dir, open."""
    from portfolio_builder.core.storage.portfolio_file import Portfolio

    portfolio = Portfolio.open(new_portfolio_file(tmp_path / "hillside.portfolio", HILLSIDE))
    yield portfolio
    portfolio.close()


@pytest.fixture(scope="session")
def shared_ready(shared_builds):
    """One ready Family Partnership Award portfolio exported once per run, as a SimpleNamespace: result
    (ExportResult), evidence (ids per descriptor), progress (every (done, total, name) the export reported) and
    portfolio (the closed file). All shared and read only: copy the bundle before changing a byte, and copy the
    portfolio (tests.shared_builds.copy_portfolio) before opening it."""
    return shared_builds.ready()


@pytest.fixture
def own_ready(shared_ready, tmp_path):
    """This test's own copy of the run's shared ready portfolio, open, to add to or change."""
    from portfolio_builder.core.storage.portfolio_file import Portfolio
    from tests.shared_builds import copy_portfolio

    portfolio = Portfolio.open(copy_portfolio(shared_ready.portfolio, tmp_path / "own"))
    yield portfolio
    portfolio.close()


@pytest.fixture(scope="session")
def shared_ready_bundle(shared_ready):
    """(ExportResult, evidence ids) of the shared ready portfolio's bundle (see shared_ready). For tests that
    only read the bundle: copy it before changing a byte."""
    return shared_ready.result, shared_ready.evidence


@pytest.fixture(scope="session")
def shared_builds(tmp_path_factory):
    """The ready portfolio and bundle, sample portfolios and their DRAFT bundles, the command-line journeys'
    portfolios and the hostile bundles, each built on first use once per run (shared by the xdist workers) and
    then only read (tests/shared_builds.py): tests take copies of portfolios to open them."""
    from tests.shared_builds import SharedBuilds, common_folder

    return SharedBuilds(common_folder(tmp_path_factory))


@pytest.fixture(scope="session")
def bundle(shared_builds):
    """The DRAFT bundle of the Family Partnership Award sample (a real export), shared by the tests that view
    it as the assessor; none of them writes to it: copy it before changing a byte."""
    return shared_builds.sample_draft("family-partnership-award")


@pytest.fixture(scope="session")
def forking_child():
    """A Python process that has imported the app once and forks a fresh child per kill trial."""
    from tests.core.kill_child import ForkingChild

    with ForkingChild() as child:
        yield child
