#!/usr/bin/env python3
"""Signs a request to the GroupDesk local API and runs it with curl.

The app id and secret come from the environment (GD_APP_ID, GD_APP_SECRET),
never from the command line, so they do not show in `ps` or shell history.

    export GD_APP_ID=gdapp_... GD_APP_SECRET=...      # shown once when issued
    scripts/api-sign.py http://127.0.0.1:8787/v1/accounts
    scripts/api-sign.py -X POST -d '{"to":"1001@chatroom","text":"Order 1001 shipped"}' \\
        -k order-1001-shipped http://127.0.0.1:8787/v1/accounts/acc/messages/text
    scripts/api-sign.py --print-headers -X POST -d @body.json URL   # headers only

Signature (see core/api/RequestSignature.h and the OpenAPI document):
    X-GD-Signature = hex HMAC-SHA256(secret,
        METHOD \\n PATH \\n CANONICAL_QUERY \\n TIMESTAMP \\n NONCE \\n hex(SHA-256(body)))
Webhook receivers check the same headers with verify() below.
"""
import argparse
import hashlib
import hmac
import os
import secrets
import subprocess
import sys
import time
from urllib.parse import quote, unquote, urlsplit


def _enc(s):
    return quote(unquote(s, errors="replace"), safe="-_.~")


def canonical_path(path):
    return "/".join(_enc(seg) for seg in path.split("/"))


def canonical_query(query):
    pairs = []
    for part in query.split("&"):
        if not part:
            continue
        key, _, value = part.partition("=")
        pairs.append(_enc(key) + "=" + _enc(value))
    return "&".join(sorted(pairs, key=lambda p: p.encode()))


def signature(secret, method, path, query, timestamp, nonce, body):
    canonical = "\n".join([method.upper(), canonical_path(path), canonical_query(query),
                           timestamp, nonce, hashlib.sha256(body).hexdigest()])
    return hmac.new(secret.encode(), canonical.encode(), hashlib.sha256).hexdigest()


def verify(secret, method, path, query, timestamp, nonce, body, sig, max_age_s=300):
    """For a webhook receiver: the signature matches and the timestamp is fresh.
    (Remember nonces for max_age_s to refuse replays.)"""
    if abs(time.time() - int(timestamp)) > max_age_s:
        return False
    return hmac.compare_digest(signature(secret, method, path, query, timestamp, nonce, body),
                               sig.lower())


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("url")
    p.add_argument("-X", "--method", default=None)
    p.add_argument("-d", "--data", help="body, or @file")
    p.add_argument("-F", "--form", action="append", default=[],
                   help="multipart field for curl (to=..., file=@a.png); signed over curl's body")
    p.add_argument("-k", "--idempotency-key")
    p.add_argument("--content-type", default="application/json")
    p.add_argument("--print-headers", action="store_true")
    args = p.parse_args()
    app_id = os.environ.get("GD_APP_ID")
    secret = os.environ.get("GD_APP_SECRET")
    if not app_id or not secret:
        sys.exit("set GD_APP_ID and GD_APP_SECRET")
    body = b""
    if args.data is not None:
        body = open(args.data[1:], "rb").read() if args.data.startswith("@") else args.data.encode()
    content_type = args.content_type
    if args.form:
        # Build the multipart body here so the signature covers exactly what is sent.
        boundary = "gd" + secrets.token_hex(12)
        chunks = []
        for field in args.form:
            name, _, value = field.partition("=")
            if value.startswith("@"):
                data = open(value[1:], "rb").read()
                fname = os.path.basename(value[1:])
                chunks.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                              f'filename="{fname}"\r\nContent-Type: application/octet-stream\r\n\r\n'
                              .encode() + data + b"\r\n")
            else:
                chunks.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"'
                              f'\r\n\r\n{value}\r\n'.encode())
        body = b"".join(chunks) + f"--{boundary}--\r\n".encode()
        content_type = f"multipart/form-data; boundary={boundary}"
    method = args.method or ("POST" if body else "GET")
    url = urlsplit(args.url)
    ts = str(int(time.time()))
    nonce = secrets.token_hex(16)
    headers = {
        "X-GD-App": app_id,
        "X-GD-Timestamp": ts,
        "X-GD-Nonce": nonce,
        "X-GD-Signature": signature(secret, method, url.path or "/", url.query, ts, nonce, body),
    }
    if body:
        headers["Content-Type"] = content_type
    if args.idempotency_key:
        headers["Idempotency-Key"] = args.idempotency_key
    if args.print_headers:
        for k, v in headers.items():
            print(f"{k}: {v}")
        return
    cmd = ["curl", "-sS", "-X", method, args.url]
    for k, v in headers.items():
        cmd += ["-H", f"{k}: {v}"]
    if body:
        cmd += ["--data-binary", "@-"]
    sys.exit(subprocess.run(cmd, input=body).returncode)


if __name__ == "__main__":
    main()
