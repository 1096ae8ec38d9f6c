#!/usr/bin/env python3
"""Writes the HTML part of 20 newsletters and receipts of the SpamAssassin
public corpus (ham only, each with layout or data tables) for
scripts/screenshot_compare (issue 14's engine comparison).

    scripts/compare_pick.py CORPUS_DIR OUT_DIR

CORPUS_DIR is what scripts/corpus prints. Writes OUT_DIR/NN-GROUP-FILE.html
and OUT_DIR/NN-GROUP-FILE.title (sender and subject) for each message, in
the order below. Fails naming the message when one is missing or has no
text/html part: never a silent skip.
"""
import email
import email.policy
import email.utils
import pathlib
import sys

# (group, file number): 2002 newsletters (CNET, ZDNet, Lockergnome, Dilbert,
# Oracle, Motley Fool, QuickTime, Media Unspun...) and the nearest things to
# receipts the corpus holds (auction and shop alerts with price tables).
PICKS = [
    ("hard-ham-1", "00011"),  # CNET News.com Daily Dispatch
    ("hard-ham-1", "00012"),  # CNET Shopper: prices
    ("hard-ham-1", "00015"),  # Lockergnome Penguin Shell
    ("hard-ham-1", "00017"),  # Daily Dilbert
    ("hard-ham-1", "00018"),  # CNET Download.com
    ("hard-ham-1", "00021"),  # Oracle Technology Network TechBlast
    ("hard-ham-1", "00035"),  # CNET Auctions: bids
    ("hard-ham-1", "00007"),  # Fax2Mail newsletter (German)
    ("hard-ham-1", "00008"),  # Lindows.com report card
    ("hard-ham-1", "00067"),  # ZDNet Buyer's Alert
    ("hard-ham-1", "00106"),  # ZDNet: HP products
    ("hard-ham-1", "00158"),  # The Motley Fool seminar
    ("hard-ham-1", "00160"),  # QuickTime News
    ("hard-ham-1", "00162"),  # UBID auction alert
    ("hard-ham-1", "00168"),  # Buy4Now: back to school
    ("hard-ham-1", "00198"),  # Tribute MovieMail
    ("hard-ham-1", "00202"),  # Berkshire Eagle headlines
    ("hard-ham-1", "00204"),  # TheServerSide newsletter
    ("hard-ham-1", "00212"),  # JDC Tech Tips
    ("easy-ham-1", "00166"),  # Media Unspun
]


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: compare_pick.py CORPUS_DIR OUT_DIR")
    corpus, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    for n, (group, number) in enumerate(PICKS, 1):
        found = sorted((corpus / group).glob(number + ".*.txt"))
        if not found:
            sys.exit(f"compare_pick.py: {group}/{number} is not in {corpus}")
        raw = found[0].read_bytes()
        if raw.startswith(b"From "):  # the archive's mbox separator line
            raw = raw.split(b"\n", 1)[1]
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        html = next((p for p in msg.walk() if p.get_content_type() == "text/html"), None)
        if html is None:
            sys.exit(f"compare_pick.py: {group}/{number} has no text/html part")
        stem = f"{n:02}-{group}-{number}"
        (out / (stem + ".html")).write_text(html.get_content(), encoding="utf-8")
        name, addr = email.utils.parseaddr(str(msg["From"]))
        title = f"{n:02} · {group}/{number} · {name or addr} — {msg['Subject']}"
        (out / (stem + ".title")).write_text(" ".join(title.split()), encoding="utf-8")
        print(out / (stem + ".html"))


if __name__ == "__main__":
    main()
