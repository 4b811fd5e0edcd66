#!/usr/bin/env python3
"""Writes the generated golden files under note/go and note/saksi.

An implementation independent of the Java code under test: Python's standard library plus the
`cryptography` package (pip install cryptography) for Ed25519. Run from this directory:

    python3 generate.py

The output is deterministic (Ed25519 signatures are), so running it again must leave `git status`
clean. See README.md for what each file is and what opening it must give.
"""
import base64
import hashlib
import os
import struct

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives import serialization

EM_DASH = "\u2014"


def write(path, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def raw_public(private_key):
    return private_key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id(name, sig_type, public):
    # c2sp.org/signed-note: SHA-256(name || 0x0A || type || public key)[:4]
    return hashlib.sha256(name.encode() + b"\n" + bytes([sig_type]) + public).digest()[:4]


def vkey(name, private_key):
    pub = raw_public(private_key)
    return "%s+%s+%s" % (name, key_id(name, 1, pub).hex(),
                         base64.b64encode(b"\x01" + pub).decode())


def sig_line(name, private_key, text):
    kid = key_id(name, 1, raw_public(private_key))
    sig = private_key.sign(text.encode("utf-8"))
    return "%s %s %s\n" % (EM_DASH, name, base64.b64encode(kid + sig).decode())


def sign(text, *signers):
    return text + "\n" + "".join(sig_line(n, k, text) for n, k in signers)


def cosig_line(name, private_key, checkpoint_text, timestamp):
    # c2sp.org/tlog-cosignature, Ed25519 (type 0x04): key id || u64 timestamp || signature over
    # "cosignature/v1\ntime <t>\n" || checkpoint text.
    kid = key_id(name, 4, raw_public(private_key))
    message = ("cosignature/v1\ntime %d\n" % timestamp + checkpoint_text).encode()
    payload = kid + struct.pack(">Q", timestamp) + private_key.sign(message)
    return "%s %s %s\n" % (EM_DASH, name, base64.b64encode(payload).decode())


def flip_signature_bit(note_line):
    # Flip the lowest bit of the last signature byte: base64 char 4 from the end of the line
    # (the line ends "<...>X=\n" for a 68-byte payload); 'A'<->'B' style change of one bit.
    head, b64 = note_line.rstrip("\n").rsplit(" ", 1)
    raw = bytearray(base64.b64decode(b64))
    raw[-1] ^= 0x01
    return head + " " + base64.b64encode(bytes(raw)).decode() + "\n"


# RFC 6962 / RFC 9162 section 2.1, written straight from the definitions.
def leaf_hash(data):
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def mth(leaves):
    n = len(leaves)
    if n == 0:
        return hashlib.sha256(b"").digest()
    if n == 1:
        return leaf_hash(leaves[0])
    k = 1
    while k * 2 < n:
        k *= 2
    return node_hash(mth(leaves[:k]), mth(leaves[k:]))


def path(m, leaves):
    n = len(leaves)
    if n <= 1:
        return []
    k = 1
    while k * 2 < n:
        k *= 2
    if m < k:
        return path(m, leaves[:k]) + [mth(leaves[k:])]
    return path(m - k, leaves[k:]) + [mth(leaves[:k])]


def go_vectors():
    """Mutations of golang.org/x/mod/sumdb/note's published test vectors (note_test.go)."""
    text = ("If you think cryptography is the answer to your problem,\n"
            "then you don't know what your problem is.\n")
    peter = ("\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKv"
             "qfqdngotpRZb6KE6RyyBwJnAM=\n")
    enoch = ("\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01o"
             "OTGwnWLox33WWd1RvMc+QQ=\n")

    def cut(line, at, insert):
        # Go slices strings by byte; the em dash is 3 bytes, so byte 60 is character 58.
        b = line.encode("utf-8")
        return (b[:at] + insert.encode() + b[at:]).decode("utf-8")

    d = "go/"
    write(d + "text", text)
    write(d + "signed-by-peter.note", text + "\n" + peter)
    write(d + "signed-by-peter-and-enoch.note", text + "\n" + peter + enoch)
    write(d + "invalid-signature.note", text + "\n" + cut(peter, 60, "ABCD"))
    write(d + "bad-signature.note", text + "\n" + flip_signature_bit(peter))
    write(d + "text-altered.note",
          text.replace("cryptography", "Cryptography") + "\n" + peter)
    write(d + "duplicated-signatures.note",
          text + "\n" + peter + peter + enoch + enoch + cut(enoch, 60, "ABCD"))
    write(d + "too-many-signatures.note", text + "\n" + peter * 101)
    write(d + "max-signatures.note", text + "\n" + peter * 100)
    write(d + "no-blank-line.note", text)
    write(d + "no-signatures.note", text + "\n")
    write(d + "missing-final-newline.note", text + "\n" + peter[:-1])
    write(d + "control-character.note", "\x01" + text + "\n" + peter)
    write(d + "carriage-return.note", text.replace("\n", "\r\n", 1) + "\n" + peter)
    write(d + "invalid-utf8.note", b"\xff" + (text + "\n" + peter).encode("utf-8"))
    write(d + "bad-key-name-with-space.note",
          text + "\n" + peter.replace("PeterNeumann", "Bad Name"))
    write(d + "bad-key-name-with-plus.note",
          text + "\n" + peter.replace("PeterNeumann", "Peter+Neumann"))
    write(d + "bad-key-name-with-nbsp.note",
          text + "\n" + peter.replace("PeterNeumann", "Peter\u00a0Neumann"))
    write(d + "unexpected-line-after-signatures.note",
          text + "\n" + peter + "Unexpected line.\n")
    write(d + "hyphen-instead-of-em-dash.note", text + "\n" + peter.replace("\u2014", "-"))
    write(d + "signature-too-short.note", text + "\n" + "\u2014 PeterNeumann x08gow==\n")
    write(d + "signature-not-canonical-base64.note",
          text + "\n" + peter.replace("JnAM=", "JnAN="))
    # Same name as a trusted key, another key id (Enoch's signature relabelled): not Peter's key.
    write(d + "same-name-other-key-id.note",
          text + "\n" + enoch.replace("EnochRoot", "PeterNeumann"))
    # Same key id as a trusted key, another name (Go's misnamedSig): not Peter's key either.
    write(d + "same-key-id-other-name.note",
          text + "\n" + peter.replace("PeterNeumann", "CarmenSandiego"))
    # Blank-line trickery: Peter's signature line moved above the last blank line is text, not a
    # signature; Enoch's signature then covers a text it never signed.
    write(d + "signature-moved-into-text.note", text + "\n" + peter + "\n" + enoch)


def saksi_vectors():
    # The example Ed25519 key of RFC 8410 section 10.3, seed d4ee72db...; public key 19bf4409...
    log_key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(
        "d4ee72dbf913584ad5b6d8f1f769f8ad3afe7c28cbf1d4fbe097a88f44755842"))
    # RFC 8032 section 7.1 TEST 1 secret key, as a witness and as a stranger.
    witness_key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"))
    origin = "saksi.example/log"
    log = (origin, log_key)
    stranger = ("saksi.example/stranger", witness_key)

    d = "saksi/"
    write(d + "log.vkey", vkey(origin, log_key) + "\n")

    leaves = [("leaf %d" % i).encode() for i in range(5)]
    root = base64.b64encode(mth(leaves)).decode()
    cp = "%s\n%d\n%s\n" % (origin, len(leaves), root)
    c = d + "checkpoint/"
    write(c + "happy-path.note", sign(cp, log))
    write(c + "with-extension-line.note", sign(cp + "extension: opaque\n", log))
    write(c + "cosigned.note",
          sign(cp, log) + cosig_line("witness.example/w1", witness_key, cp, 1700000000))
    write(c + "bad-signature.note", cp + "\n" + flip_signature_bit(sig_line(origin, log_key, cp)))
    write(c + "unknown-key-only.note", sign(cp, stranger))
    write(c + "wrong-origin.note", sign(cp.replace(origin, "saksi.example/other-log", 1), log))
    write(c + "size-zero.note",
          sign("%s\n0\n%s\n" % (origin, base64.b64encode(mth([])).decode()), log))
    write(c + "size-max.note", sign("%s\n9223372036854775807\n%s\n" % (origin, root), log))
    write(c + "size-too-large.note", sign("%s\n9223372036854775808\n%s\n" % (origin, root), log))
    write(c + "size-leading-zero.note", sign("%s\n05\n%s\n" % (origin, root), log))
    write(c + "size-negative.note", sign("%s\n-5\n%s\n" % (origin, root), log))
    write(c + "size-plus-sign.note", sign("%s\n+5\n%s\n" % (origin, root), log))
    write(c + "size-trailing-space.note", sign("%s\n5 \n%s\n" % (origin, root), log))
    write(c + "root-unpadded.note", sign("%s\n5\n%s\n" % (origin, root.rstrip("=")), log))
    write(c + "root-31-bytes.note",
          sign("%s\n5\n%s\n" % (origin, base64.b64encode(mth(leaves)[:31]).decode()), log))
    write(c + "root-not-base64.note", sign("%s\n5\n%s\n" % (origin, "!" + root[1:]), log))
    write(c + "missing-root.note", sign("%s\n5\n" % origin, log))
    write(c + "empty-extension-line.note", sign(cp + "\nextension\n", log))

    p = d + "tlog-proof/"
    signed = sign(cp, log)

    def proof(index, hashes, checkpoint, extra=None, header="c2sp.org/tlog-proof@v1"):
        out = header + "\n"
        if extra is not None:
            out += "extra " + extra + "\n"
        out += "index %s\n" % index
        out += "".join(h + "\n" for h in hashes)
        return out + "\n" + checkpoint

    hashes = [base64.b64encode(h).decode() for h in path(2, leaves)]
    write(p + "happy-path.tlog-proof", proof(2, hashes, signed))
    write(p + "with-extra.tlog-proof",
          proof(2, hashes, signed, extra=base64.b64encode(b"leaf 2").decode()))
    one = [b"leaf 0"]
    cp1 = "%s\n1\n%s\n" % (origin, base64.b64encode(mth(one)).decode())
    write(p + "single-leaf-empty-path.tlog-proof", proof(0, [], sign(cp1, log)))
    write(p + "cosigned-checkpoint.tlog-proof",
          proof(2, hashes, signed + cosig_line("witness.example/w1", witness_key, cp, 1700000000)))
    write(p + "wrong-header.tlog-proof",
          proof(2, hashes, signed, header="c2sp.org/tlog-proof@v2"))
    write(p + "index-leading-zero.tlog-proof", proof("02", hashes, signed))
    write(p + "index-negative.tlog-proof", proof("-2", hashes, signed))
    write(p + "index-too-large.tlog-proof", proof("9223372036854775808", hashes, signed))
    write(p + "index-missing.tlog-proof", proof(2, hashes, signed).replace("index 2\n", ""))
    write(p + "extra-empty.tlog-proof", proof(2, hashes, signed, extra=""))
    write(p + "extra-not-base64.tlog-proof", proof(2, hashes, signed, extra="leaf 2"))
    write(p + "extra-after-index.tlog-proof",
          proof(2, hashes, signed).replace("index 2\n", "index 2\nextra bGVhZiAy\n"))
    write(p + "path-hash-unpadded.tlog-proof",
          proof(2, [hashes[0].rstrip("=")] + hashes[1:], signed))
    write(p + "path-hash-31-bytes.tlog-proof",
          proof(2, [base64.b64encode(path(2, leaves)[0][:31]).decode()] + hashes[1:], signed))
    write(p + "too-many-path-hashes.tlog-proof", proof(2, [hashes[0]] * 64, signed))
    write(p + "missing-blank-line.tlog-proof",
          proof(2, hashes, signed).replace(hashes[-1] + "\n\n", hashes[-1] + "\n"))
    write(p + "no-checkpoint.tlog-proof", proof(2, hashes, ""))
    write(p + "unsigned-checkpoint.tlog-proof", proof(2, hashes, cp))
    write(p + "crlf-line-ends.tlog-proof", proof(2, hashes, signed).replace("\n", "\r\n", 1))
    write(p + "wrong-origin.tlog-proof",
          proof(2, hashes, sign(cp.replace(origin, "saksi.example/other-log", 1), log)))


def collision_vectors():
    """Two different keys with one name and one key id, found by a birthday search (slow)."""
    name = b"collision.example"
    seen = {}
    i = 0
    while True:
        key = Ed25519PrivateKey.from_private_bytes(
            hashlib.sha256(b"saksi key id collision %d" % i).digest())
        kid = key_id(name.decode(), 1, raw_public(key))
        if kid in seen:
            write("colliding-keys.vkeys",
                  vkey(name.decode(), seen[kid]) + "\n" + vkey(name.decode(), key) + "\n")
            return
        seen[kid] = key
        i += 1


if __name__ == "__main__":
    import sys
    go_vectors()
    saksi_vectors()
    if "--collision" in sys.argv:
        collision_vectors()  # about 15 seconds: seeds 55923 and 224467 collide
