"""The suite itself proves that sockets are blocked, so an accidental network call fails loudly."""

import socket

import pytest

from tests.conftest import NetworkBlocked


def test_tcp_connect_is_refused():
    """Any attempt to reach a host during the tests raises instead of touching the network."""
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("192.0.2.1", 80), timeout=0.1)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(NetworkBlocked):
        sock.connect(("127.0.0.1", 9))
    sock.close()


def test_name_lookup_is_refused():
    """DNS lookups are blocked too."""
    with pytest.raises(NetworkBlocked):
        socket.getaddrinfo("example.org", 443)


def test_loopback_allowance_still_refuses_the_network():
    """The accessibility check may talk to a local browser driver, and to nothing else."""
    import socket

    import pytest

    from tests.conftest import NetworkBlocked, loopback_only

    with loopback_only():
        with pytest.raises(NetworkBlocked):
            socket.create_connection(("93.184.216.34", 80), timeout=1)
        with pytest.raises(NetworkBlocked):
            socket.getaddrinfo("example.org", 443)
