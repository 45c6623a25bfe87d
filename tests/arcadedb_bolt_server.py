"""Run an ArcadeDB server with its Bolt plugin on 127.0.0.1 until stdin closes (the test fixture's child).

Usage: python arcadedb_bolt_server.py ROOT BOLT_PORT HTTP_PORT HTTPS_PORT DATABASE
The root password comes from the ARCADEDB_ROOT_PASSWORD environment variable, never argv (argv is
visible to every user of the machine). Run it with the working directory where ./log may be written.
"""

from __future__ import annotations

import os
import sys
import time


def main(root: str, bolt_port: str, http_port: str, https_port: str, database: str) -> None:
    started = time.perf_counter()
    # Imported here so that `--help`-style mistakes fail before the JVM starts.
    from arcadedb_embedded.jvm import start_jvm
    from arcadedb_embedded.server import create_server

    start_jvm(heap_size="1g")  # the engine's default is 4g; tests need far less
    server = create_server(
        root,
        root_password=os.environ["ARCADEDB_ROOT_PASSWORD"],
        config={
            "host": "127.0.0.1",
            "http_port": int(http_port),
            "server_httpsIncomingPort": int(https_port),
            "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "bolt_port": int(bolt_port),
            "server_defaultDatabases": f"{database}[root]",
        },
    )
    server.start()
    print(f"READY {time.perf_counter() - started:.2f}s", flush=True)
    try:
        sys.stdin.read()  # EOF when the fixture closes the pipe or the test process dies
    finally:
        server.stop()


if __name__ == "__main__":
    main(*sys.argv[1:6])
