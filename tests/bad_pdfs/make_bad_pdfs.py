#!/usr/bin/python3
"""Writes the hostile PDFs of tests/bad_pdfs/ (committed; rerun only to change a case).

Each file is a minimal PDF written byte by byte so that exactly one thing is wrong with it.
The encrypted case is made by qpdf (Debian package qpdf) from the plain one. Python's standard
library only: nothing here is needed to build or test gongkai.
"""
import base64
import os
import subprocess
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf(objects, root=1, trailer_extra=b"", xref=True, prev=None):
    """A PDF whose objects are numbered 1..n in order, with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    start = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        for off in offsets:
            out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R " % (len(objects) + 1, root) + trailer_extra
    if prev is not None:
        out += b"/Prev %d " % (start if prev == "self" else prev)
    out += b">>\nstartxref\n%d\n%%%%EOF\n" % start
    return bytes(out)


def stream(data, compress=False, extra=b""):
    if compress:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def lzw_run(byte, total, early=1):
    """LZW (PDF's, /EarlyChange `early`) of `total` copies of `byte`: each code one longer than
    the last, the table cleared before it fills. Returns the encoded bytes."""
    codes, written = [256], 0
    while written < total:
        codes.append(byte)
        written += 1
        code, length = 258, 2
        while code + 1 < 4095 and written + length <= total:
            codes.append(code)
            written += length
            code, length = code + 1, length + 1
        codes.append(256)
    codes.append(257)
    out, bits, have, next_code, width = bytearray(), 0, 0, 258, 9
    for i, c in enumerate(codes):
        bits, have = (bits << width) | c, have + width
        while have >= 8:
            out.append((bits >> (have - 8)) & 0xFF)
            have -= 8
        # The decoder's table after reading this code: a clear resets it, the first code after
        # a clear adds nothing, every other code adds one entry.
        if c == 256:
            next_code, width = 258, 9
        elif codes[i - 1] != 256:
            next_code += 1
            if next_code + early >= (1 << width) and width < 12:
                width += 1
    if have:
        out.append((bits << (8 - have)) & 0xFF)
    return bytes(out)


def text_page_objects(text=b"(Hello 123.45) Tj", media=b"[0 0 595 842]", contents=None):
    contents = contents if contents is not None else stream(b"BT /F1 12 Tf 72 720 Td " + text + b" ET")
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox " + media
        + b" /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        contents,
        FONT,
    ]


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def main():
    plain = pdf(text_page_objects())
    write("plain.pdf", plain)  # the well-formed base of the others (audited: no tables)
    write("empty.pdf", b"")
    write("not-a-pdf.pdf", b"<html><body>404 Not Found</body></html>\n")
    write("truncated.pdf", plain[: len(plain) // 3])
    write("header-only.pdf", b"%PDF-1.7\n")
    # The page tree contains itself.
    loop = text_page_objects()
    loop[1] = b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>"
    write("page-tree-loop.pdf", pdf(loop))
    # The catalog's page tree is the catalog.
    write("catalog-loop.pdf", pdf([b"<< /Type /Catalog /Pages 1 0 R >>"]))
    # The cross-reference section says the previous one is itself.
    write("xref-prev-loop.pdf", pdf(text_page_objects(), prev="self"))
    # An object whose value is a reference to itself, used as the page's contents.
    selfref = text_page_objects()
    selfref[3] = b"4 0 R"
    write("object-self-reference.pdf", pdf(selfref))
    # Arrays nested 100,000 deep in the content stream and in the page dictionary.
    write("deep-nesting.pdf", pdf(text_page_objects(contents=stream(b"[" * 100000 + b"]" * 100000))))
    # The page tree claims a billion pages.
    claims = text_page_objects()
    claims[1] = b"<< /Type /Pages /Kids [3 0 R] /Count 1000000000 >>"
    write("page-count-claimed.pdf", pdf(claims))
    # 2,001 pages (one more than the reader reads), each a tiny text page.
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", None, FONT, stream(b"BT /F1 12 Tf 72 720 Td (x) Tj ET")]
    kids = []
    for _ in range(2001):
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>")
        kids.append(b"%d 0 R" % len(objs))
    objs[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(kids)
    write("too-many-pages.pdf", pdf(objs))
    # A page 200 km wide (the largest MediaBox a reader may meet is 14,400,000 units).
    write("huge-page.pdf", pdf(text_page_objects(media=b"[0 0 14400000 14400000]")))
    # A page with no text at all (what a scan without OCR looks like to the reader).
    write("no-text-layer.pdf", pdf(text_page_objects(contents=stream(b"0 0 1 rg 72 72 400 600 re f"))))
    # A content stream that inflates from about 300 KB to 300 MB of spaces (above the 256 MB limit).
    write("content-inflates.pdf", pdf(text_page_objects(contents=stream(b" " * 300_000_000, compress=True))))
    # The same bomb behind ASCII85 (the guard decodes the chain in order).
    a85 = base64.a85encode(zlib.compress(b" " * 300_000_000, 9)) + b"~>"
    write("content-inflates-a85.pdf", pdf(text_page_objects(
        contents=stream(a85, extra=b" /Filter [/ASCII85Decode /FlateDecode]"))))
    # 300 MB of spaces in LZW (about 230 KB).
    write("content-inflates-lzw.pdf", pdf(text_page_objects(
        contents=stream(lzw_run(0x20, 300_000_000), extra=b" /Filter /LZWDecode"))))
    # The same with /EarlyChange 0 (the code width grows one code later).
    write("content-inflates-lzw-early0.pdf", pdf(text_page_objects(contents=stream(
        lzw_run(0x20, 300_000_000, early=0),
        extra=b" /Filter /LZWDecode /DecodeParms << /EarlyChange 0 >>"))))
    # A content stream that says it is compressed but is not.
    broken = text_page_objects()
    broken[3] = stream(b"this is not deflate data", extra=b" /Filter /FlateDecode")
    write("content-bad-deflate.pdf", pdf(broken))
    # No xref table at all (poppler rebuilds it by scanning).
    write("no-xref.pdf", pdf(text_page_objects(), xref=False))
    # Locked with a user password (made from plain.pdf by qpdf).
    subprocess.run(["qpdf", "--encrypt", "secret", "owner", "256", "--",
                    os.path.join(HERE, "plain.pdf"), os.path.join(HERE, "encrypted.pdf")], check=True)


if __name__ == "__main__":
    main()
