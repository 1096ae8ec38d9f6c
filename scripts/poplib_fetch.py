#!/usr/bin/env python3
"""Baseline for benches/pop3.rs: retrieve messages 1..N with Python's poplib
over implicit TLS, lock-step (poplib has no pipelining).

Usage: poplib_fetch.py HOST PORT CAFILE USER PASSWORD COUNT
Prints one line: "<seconds> <bytes>" for the retrieval (login excluded).
"""
import poplib
import ssl
import sys
import time

host, port, cafile, user, password, count = sys.argv[1:7]
ctx = ssl.create_default_context(cafile=cafile)
conn = poplib.POP3_SSL(host, int(port), context=ctx, timeout=60)
conn.user(user)
conn.pass_(password)
start = time.perf_counter()
total = 0
for i in range(1, int(count) + 1):
    _, lines, octets = conn.retr(i)
    total += sum(len(l) + 2 for l in lines)
elapsed = time.perf_counter() - start
conn.quit()
print(f"{elapsed:.6f} {total}")
