"""Writes a WARC with warcio, the reference library of the web-archiving
community, for casefile's ingest tests.

Usage: write_warc.py OUT.warc[.gz] [--whole-gzip]

`.gz` output is gzipped record by record (warcio's default); with
--whole-gzip an uncompressed WARC is written and then gzipped as one
stream. Records: a warcinfo, then for each page a request and its
response, plus a response with an image (to be skipped) and a redirect.
Pages: UTF-8 HTML in Ukrainian; Windows-1251 HTML whose charset is only in
the HTTP header; HTML sent with gzip content-encoding and chunked
transfer-encoding; a plain-text page. The texts are our own.
"""
import gzip
import io
import sys

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PAGES = [
    (
        "http://127.0.0.1:8000/uk/zvit.html",
        [("Content-Type", "text/html; charset=utf-8")],
        "<!doctype html><html lang=uk><head><title>Звіт про вивезення дітей</title></head>"
        "<body><article><h1>Звіт про вивезення дітей</h1>"
        "<p>За даними омбудсмана, у липні 2023 року групу з 48 дітей із Лисичанська вивезли до табору «Дубрава» в Білорусі.</p>"
        "<p>Батьки кажуть, що не давали згоди на поїздку і не знають, коли діти повернуться.</p>"
        "</article></body></html>",
        "utf-8",
        None,
    ),
    (
        "http://127.0.0.1:8000/ru/cp1251.html",
        [("Content-Type", "text/html; charset=windows-1251")],
        "<html><head><title>Оздоровление детей</title></head><body><article>"
        "<p>Министерство сообщило, что дети из Донбасса отдыхают в санатории под Минском уже третью неделю.</p>"
        "<p>Правозащитники называют эти поездки депортацией и требуют вернуть детей домой.</p>"
        "</article></body></html>",
        "windows-1251",
        None,
    ),
    (
        "http://127.0.0.1:8000/en/chunked-gzip.html",
        [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Encoding", "gzip"),
            ("Transfer-Encoding", "chunked"),
        ],
        "<html><head><title>Children moved to Belarus</title></head><body><article>"
        "<p>A new group of children from occupied Ukraine arrived at a camp near Zhlobin, local media reported on Tuesday.</p>"
        "<p>The organisers said the trip was a health holiday; Ukrainian officials called it a deportation.</p>"
        "</article></body></html>",
        "utf-8",
        "gzip+chunked",
    ),
    (
        "http://127.0.0.1:8000/notes.txt",
        [("Content-Type", "text/plain; charset=utf-8")],
        "Notes of a monitoring visit.\n\nThe camp director declined to give the number of children from Ukraine.\n",
        "utf-8",
        None,
    ),
]


def chunked(data, size=40):
    out = b""
    for i in range(0, len(data), size):
        part = data[i : i + size]
        out += b"%x\r\n" % len(part) + part + b"\r\n"
    return out + b"0\r\n\r\n"


def write(stream, gzip_records):
    writer = WARCWriter(stream, gzip=gzip_records, warc_version="WARC/1.1")
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "warcio test"}))
    for uri, headers, text, charset, coding in PAGES:
        body = text.encode(charset)
        if coding == "gzip+chunked":
            body = chunked(gzip.compress(body))
        req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "127.0.0.1:8000")], is_http_request=True)
        writer.write_record(writer.create_warc_record(uri, "request", http_headers=req))
        http = StatusAndHeaders("200 OK", headers + [("Content-Length", str(len(body)))] if coding is None else headers, protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http))
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    http = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("http://127.0.0.1:8000/logo.png", "response", payload=io.BytesIO(png), http_headers=http))
    http = StatusAndHeaders("301 Moved Permanently", [("Location", "/uk/zvit.html"), ("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("http://127.0.0.1:8000/uk/", "response", payload=io.BytesIO(b"<a>moved</a>"), http_headers=http))


def main():
    out = sys.argv[1]
    whole = "--whole-gzip" in sys.argv[2:]
    if whole:
        buf = io.BytesIO()
        write(buf, gzip_records=False)
        with open(out, "wb") as f:
            f.write(gzip.compress(buf.getvalue()))
    else:
        with open(out, "wb") as f:
            write(f, gzip_records=out.endswith(".gz"))


if __name__ == "__main__":
    main()
