#!/usr/bin/env python3
"""Interop helper for popmail's tests: Python's standard `mailbox` module writes
and reads mbox and Maildir so popmail's import and export can be checked against
an independent implementation.

Usage:
  mailbox_interop.py write-mbox OUT INDIR      messages INDIR/*.msg -> mbox OUT
  mailbox_interop.py write-maildir OUT INDIR   messages INDIR/*.msg -> Maildir OUT
  mailbox_interop.py read-mbox PATH            JSON list of {"bytes": b64, "flags": str}
  mailbox_interop.py read-maildir PATH         same, for a Maildir (sorted by key)

A message file named NNNN_FLAGS.msg is added with those flags (mbox letters
R O D F A, Maildir letters D F P R S T); NNNN_.msg is added as raw bytes.
After writing, the command prints what Python reads back, in the same JSON form.
"""
import base64
import json
import mailbox
import os
import sys


def messages(indir):
    for name in sorted(os.listdir(indir)):
        if name.endswith(".msg"):
            flags = name[:-4].split("_", 1)[1]
            with open(os.path.join(indir, name), "rb") as f:
                yield f.read(), flags


def dump(box, keys):
    out = [{"bytes": base64.b64encode(box.get_bytes(k)).decode(), "flags": box.get_message(k).get_flags()} for k in keys]
    json.dump(out, sys.stdout)


def main():
    cmd, path = sys.argv[1], sys.argv[2]
    if cmd == "write-mbox":
        box = mailbox.mbox(path, create=True)
        for raw, flags in messages(sys.argv[3]):
            if flags:
                m = mailbox.mboxMessage(raw)
                m.set_flags(flags)
                box.add(m)
            else:
                box.add(raw)
        box.flush()
        box.close()
        cmd = "read-mbox"
    elif cmd == "write-maildir":
        box = mailbox.Maildir(path, create=True)
        for raw, flags in messages(sys.argv[3]):
            if flags:
                m = mailbox.MaildirMessage(raw)
                m.set_subdir("cur")
                m.set_flags(flags)
                box.add(m)
            else:
                box.add(raw)
        cmd = "read-maildir"
    if cmd == "read-mbox":
        box = mailbox.mbox(path, create=False)
        dump(box, box.keys())
    elif cmd == "read-maildir":
        box = mailbox.Maildir(path, factory=None, create=False)
        dump(box, sorted(box.keys()))
    else:
        sys.exit("unknown command " + cmd)


if __name__ == "__main__":
    main()
