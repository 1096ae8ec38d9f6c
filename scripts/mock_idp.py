#!/usr/bin/env python3
"""A mock OAuth 2.0 identity provider on 127.0.0.1 for scripts/screenshot_oauth.

Stdlib only; not for tests (they use tests/support/idp.rs). Endpoints:
- GET  /authorize (RFC 6749 §4.1.1, RFC 7636 S256): redirects at once to the
  loopback redirect_uri with a code and the state (the person "approves");
- POST /device (RFC 8628 §3.1): a device code, approved at once;
- POST /token (RFC 6749 §4.1.3, §6; RFC 8628 §3.4): checks the PKCE verifier
  of a code, issues tokens (expires_in from --expires-in) and refreshes them,
  unless the file --revoked-flag exists: then every refresh gets
  `invalid_grant`, as when the provider withdrew the sign-in.
- GET  /activate: a page naming the device code's approval.

Usage: scripts/mock_idp.py --port-file FILE --revoked-flag FILE [--expires-in S]
The chosen port is written to --port-file once the server listens.
"""

import argparse
import base64
import hashlib
import http.server
import json
import os
import secrets
import sys
import urllib.parse

CODES = {}  # code -> (challenge, redirect_uri)
ARGS = None


class Handler(http.server.BaseHTTPRequestHandler):
    server_version = "mock-idp/1"

    def log_message(self, fmt, *args):  # keep the script's output quiet
        sys.stderr.write("mock_idp: " + (fmt % args) + "\n")

    def reply(self, status, body, ctype="application/json", extra=()):
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Length", str(len(data)))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def error(self, code, description):
        self.reply(400, json.dumps({"error": code, "error_description": description}))

    def tokens(self):
        self.reply(
            200,
            json.dumps(
                {
                    "access_token": "at-" + secrets.token_hex(12),
                    "token_type": "Bearer",
                    "expires_in": ARGS.expires_in,
                    "refresh_token": "rt-" + secrets.token_hex(12),
                }
            ),
        )

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        q = dict(urllib.parse.parse_qsl(url.query))
        if url.path == "/authorize":
            if q.get("code_challenge_method") != "S256" or not q.get("redirect_uri"):
                return self.reply(400, "bad authorization request", "text/plain")
            code = "code-" + secrets.token_hex(8)
            CODES[code] = (q.get("code_challenge", ""), q["redirect_uri"])
            sep = "&" if "?" in q["redirect_uri"] else "?"
            to = q["redirect_uri"] + sep + urllib.parse.urlencode(
                {"code": code, "state": q.get("state", "")}
            )
            return self.reply(302, "", "text/plain", [("Location", to)])
        if url.path == "/activate":
            return self.reply(200, "<p>Approved.</p>", "text/html")
        self.reply(404, "not found", "text/plain")

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
        if self.path == "/device":
            port = self.server.server_address[1]
            return self.reply(
                200,
                json.dumps(
                    {
                        "device_code": "dc-" + secrets.token_hex(8),
                        "user_code": "WDJB-" + secrets.token_hex(2).upper(),
                        "verification_uri": f"http://127.0.0.1:{port}/activate",
                        "expires_in": 300,
                        "interval": 1,
                    }
                ),
            )
        if self.path != "/token":
            return self.reply(404, "not found", "text/plain")
        grant = form.get("grant_type", "")
        if grant == "authorization_code":
            found = CODES.pop(form.get("code", ""), None)
            if found is None:
                return self.error("invalid_grant", "unknown code")
            digest = hashlib.sha256(form.get("code_verifier", "").encode()).digest()
            if base64.urlsafe_b64encode(digest).rstrip(b"=").decode() != found[0]:
                return self.error("invalid_grant", "PKCE verifier mismatch")
            return self.tokens()
        if grant == "urn:ietf:params:oauth:grant-type:device_code":
            return self.tokens()
        if grant == "refresh_token":
            if os.path.exists(ARGS.revoked_flag):
                return self.error("invalid_grant", "refresh token revoked")
            return self.tokens()
        self.error("unsupported_grant_type", grant)


def main():
    global ARGS
    p = argparse.ArgumentParser()
    p.add_argument("--port-file", required=True)
    p.add_argument("--revoked-flag", required=True)
    p.add_argument("--expires-in", type=int, default=3600)
    ARGS = p.parse_args()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(ARGS.port_file + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    os.replace(ARGS.port_file + ".tmp", ARGS.port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
