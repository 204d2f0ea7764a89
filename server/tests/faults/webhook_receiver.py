#!/usr/bin/env python3
"""A webhook receiver for the fault tests: accepts POSTs on 127.0.0.1 (port chosen by the
kernel, written to PORT_FILE), appends "<X-Minqing-Message-Id> <case number>" for every request
to LOG_FILE (flushed and fsynced before answering, so a line means the request arrived), waits
DELAY seconds and answers 200. It keeps everything it is sent: deduplication by message id is
the checker's job, as it would be a real receiver's.

Usage: webhook_receiver.py PORT_FILE LOG_FILE [DELAY]
"""

import http.server
import json
import os
import sys
import time

port_file, log_file = sys.argv[1], sys.argv[2]
delay = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
log = open(log_file, "a", encoding="utf-8")


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        message_id = self.headers.get("X-Minqing-Message-Id", "?")
        try:
            number = json.loads(body)["case"]["number"]
        except (ValueError, KeyError, TypeError):
            number = "?"
        log.write(f"{message_id} {number}\n")
        log.flush()
        os.fsync(log.fileno())
        time.sleep(delay)
        try:
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the sender was killed while waiting: exactly the case under test

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(port_file + ".tmp", "w") as out:
    out.write(str(server.server_address[1]))
os.rename(port_file + ".tmp", port_file)
server.serve_forever()
