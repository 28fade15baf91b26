"""No network access, ever: the suite runs with sockets disabled (see pyproject.toml)."""

import socket

import pytest
from pytest_socket import SocketBlockedError


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_opening_an_internet_socket_fails_in_this_suite():
    with pytest.raises(SocketBlockedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)


def test_no_module_of_the_app_mentions_an_internet_library():
    from pathlib import Path

    package = Path(__file__).resolve().parents[1] / "journal"
    banned = ("import urllib", "from urllib", "import http", "from http", "import requests",
              "QNetwork", "QtNetwork", "import socket", "import ssl")
    offenders = [f"{path.name}: {word}" for path in package.rglob("*.py")
                 for word in banned if word in path.read_text(encoding="utf-8")]
    assert offenders == []
