#!/usr/bin/env python3
"""A local SMTP sink for the alert e-mail tests: aiosmtpd on loopback that
requires a login (user/password from the command line, no TLS on loopback)
and writes every accepted message to DIR/<n>.eml. Prints "ready PORT" once
listening."""
import argparse
import asyncio
import itertools
import os
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--dir", required=True)
parser.add_argument("--user", default="")
parser.add_argument("--password", default="")
args = parser.parse_args()
counter = itertools.count(1)


class Sink:
    async def handle_DATA(self, server, session, envelope):
        n = next(counter)
        path = os.path.join(args.dir, "%d.eml" % n)
        with open(path + ".part", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(path + ".part", path)
        return "250 OK"


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = (isinstance(auth_data, LoginPassword)
          and auth_data.login.decode() == args.user
          and auth_data.password.decode() == args.password)
    return AuthResult(success=ok)


kwargs = {}
if args.user:
    kwargs = dict(authenticator=authenticator, auth_required=True, auth_require_tls=False)
controller = Controller(Sink(), hostname="127.0.0.1", port=args.port, **kwargs)
controller.start()
print("ready %d" % args.port, flush=True)
try:
    sys.stdin.read()  # runs until the test closes stdin or kills us
finally:
    controller.stop()
