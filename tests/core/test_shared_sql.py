"""Portfolios opened one after another, or side by side on two threads, share compiled SQL and still each
read and write only their own file."""

from concurrent.futures import ThreadPoolExecutor

from portfolio_builder.core.framework.portfolio_setup import add_staff
from portfolio_builder.core.shape.snapshot import build_snapshot
from portfolio_builder.core.storage import shared_sql
from portfolio_builder.core.storage.portfolio_file import Portfolio
from tests.conftest import OAK


def _oak(tmp_path, new_portfolio_file, name):
    return new_portfolio_file(tmp_path / f"{name}.portfolio", OAK)


def test_a_second_portfolio_compiles_nothing_new_and_reads_its_own_content(
    tmp_path, new_portfolio_file
):
    """Reading a second portfolio of the same scheme compiles no statement the first did not, and each
    shows its own staff."""
    first_path, second_path = (_oak(tmp_path, new_portfolio_file, n) for n in ("first", "second"))
    with Portfolio.open(second_path) as second:
        add_staff(second, "Ben Jones", role="Governor")
    with Portfolio.open(first_path) as first:
        add_staff(
            first, "Ben Jones", role="Governor"
        )  # the same statements, so the same cache entries
        first_staff = [p.name for p in build_snapshot(first).staff]
    compiled = set(shared_sql.COMPILED_SQL.keys())
    assert len(compiled) >= 10  # a portfolio.json reads more than ten tables, each by its own query

    with Portfolio.open(second_path, read_only=True) as second:
        second_staff = [p.name for p in build_snapshot(second).staff]

    assert set(shared_sql.COMPILED_SQL.keys()) == compiled
    assert first_staff == second_staff == ["Ann Patel", "Ben Jones"]


def test_two_portfolios_written_at_once_on_two_threads_keep_their_own_staff(
    tmp_path, new_portfolio_file
):
    """Two open portfolios written on two threads at once (an import beside a merge) end with only the
    people each was given."""
    paths = [_oak(tmp_path, new_portfolio_file, n) for n in ("left", "right")]
    portfolios = [Portfolio.open(path) for path in paths]
    try:

        def add_people(index):
            for n in range(15):
                add_staff(portfolios[index], f"{('Left', 'Right')[index]} {n:02}")
            return sorted(p.name for p in build_snapshot(portfolios[index]).staff)

        with ThreadPoolExecutor(2) as pool:
            left, right = pool.map(add_people, (0, 1))
    finally:
        for portfolio in portfolios:
            portfolio.close()
    assert left == ["Ann Patel"] + [f"Left {n:02}" for n in range(15)]
    assert right == ["Ann Patel"] + [f"Right {n:02}" for n in range(15)]


def test_every_portfolio_engine_uses_the_one_initialised_dialect(tmp_path, new_portfolio_file):
    """The dialect the cache is keyed by is the same object for writable and read-only portfolios."""
    path = _oak(tmp_path, new_portfolio_file, "oak")
    with Portfolio.open(path) as writable, Portfolio.open(path, read_only=True) as reader:
        assert writable.engine.dialect is reader.engine.dialect is shared_sql.shared_dialect()
        assert (
            shared_sql.shared_dialect().server_version_info
        )  # initialised, as a first connection does
