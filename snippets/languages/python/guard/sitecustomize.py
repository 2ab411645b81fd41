# Imported at start-up by every Python snippet the conformance harness runs (it is on PYTHONPATH):
# a connection to anything but the local test server fails loudly, so a snippet (or a library)
# that would reach the network is caught instead of quietly calling a real API.
import socket
import sys

_LOCAL_HOSTS = {"127.0.0.1", "::1", "localhost"}
_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex


def _check(sock, address):
    if sock.family in (socket.AF_INET, socket.AF_INET6) and address[0] not in _LOCAL_HOSTS:
        message = f"conformance network guard: connection to {address[0]}:{address[1]} refused (snippets may only call the local test server)"
        print(message, file=sys.stderr)
        raise ConnectionRefusedError(message)


def _guarded_connect(self, address):
    _check(self, address)
    return _connect(self, address)


def _guarded_connect_ex(self, address):
    _check(self, address)
    return _connect_ex(self, address)


socket.socket.connect = _guarded_connect
socket.socket.connect_ex = _guarded_connect_ex
