#!/usr/bin/env python3
"""Checks docs/format.md's worked example from the files in this folder, without any Saksi code.

Needs Python 3 and the `cryptography` package (for Ed25519). Run from anywhere:

    python3 docs/example/verify_example.py

It recomputes every leaf hash, the hash chain, each statement signature, the Merkle roots, both
checkpoint signatures, the inclusion proof of entry 1, the consistency proof from size 2 to size
3 and the receipt of entry 2, and prints what it checked. Any mismatch stops it with an error.
"""
import base64
import hashlib
import json
import pathlib
import sys

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

HERE = pathlib.Path(__file__).resolve().parent
ORIGIN = "saksi.example/log"


def sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def leaf_hash(leaf: bytes) -> bytes:  # RFC 6962 section 2.1
    return sha256(b"\x00" + leaf)


def node_hash(left: bytes, right: bytes) -> bytes:
    return sha256(b"\x01" + left + right)


def canonical(value) -> bytes:
    # Enough of RFC 8785 for this example: ASCII keys, integers and strings only.
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def check(condition: bool, what: str) -> None:
    if not condition:
        sys.exit("FAILED: " + what)
    print("ok  " + what)


def open_note(note: bytes, vkey: str) -> str:
    """Verifies a C2SP signed note with the verifier key; returns its text."""
    name, key_id_hex, key_b64 = vkey.split("+", 2)
    key = base64.b64decode(key_b64)
    check(key[0] == 1, "verifier key is an Ed25519 key (type byte 0x01)")
    check(sha256(name.encode() + b"\n" + key)[:4].hex() == key_id_hex, "key id = SHA-256(name||0x0A||0x01||key)[:4]")
    text, _, signatures = note.decode().rpartition("\n\n")
    text += "\n"
    for line in signatures.splitlines():
        dash, signer, sig_b64 = line.split(" ")
        check(dash == "\u2014", "signature line starts with an em dash")
        sig = base64.b64decode(sig_b64)
        if signer == name and sig[:4].hex() == key_id_hex:
            Ed25519PublicKey.from_public_bytes(key[1:]).verify(sig[4:], text.encode())
            check(True, "note signed by " + name)
            return text
    sys.exit("FAILED: no signature by " + name)


def main() -> None:
    vkey = (HERE / "log.vkey").read_text().strip()
    lines = (HERE / "entries.jsonl").read_bytes().split(b"\n")
    check(lines[-1] == b"", "entries.jsonl ends with a newline")
    leaves, prev, registry = [], bytes(32), {}
    for i, line in enumerate(lines[:-1]):
        entry = json.loads(line)
        check(canonical(entry) == line, f"entry {i} is canonical JSON")
        check(entry["index"] == i, f"entry {i} index is {i}")
        check(bytes.fromhex(entry["prev"]) == prev,
              f"entry {i} prev is " + (f"the leaf hash of entry {i - 1}" if i else "32 zero bytes"))
        statement = entry["statement"]
        body = statement["body"]
        if statement["type"] in ("registry.genesis", "key.added"):
            key = base64.b64decode(body["publicKey"])
            registry[hashlib.sha256(key).hexdigest()] = key
        signature = entry["signatures"][0]
        check(signature["key"] == statement["key"], f"entry {i} first signature is by the statement's key")
        Ed25519PublicKey.from_public_bytes(registry[signature["key"]]).verify(
            base64.b64decode(signature["sig"]), canonical(statement))
        check(True, f"entry {i} signature verifies over JCS(statement)")
        prev = leaf_hash(line)
        leaves.append(prev)
        print(f"    leaf hash {i}: {prev.hex()}")

    root2 = node_hash(leaves[0], leaves[1])
    root3 = node_hash(root2, leaves[2])
    for size, root in ((2, root2), (3, root3)):
        text = open_note((HERE / f"checkpoint-{size}").read_bytes(), vkey)
        check(text == f"{ORIGIN}\n{size}\n{base64.b64encode(root).decode()}\n", f"checkpoint-{size} commits to MTH of {size} leaves")

    proof = (HERE / "entry-1.tlog-proof").read_bytes().decode()
    head, _, checkpoint = proof.partition("\n\n")
    header, index, *path = head.split("\n")
    check(header == "c2sp.org/tlog-proof@v1" and index == "index 1", "tlog-proof header and index")
    path = [base64.b64decode(p) for p in path]
    # RFC 9162 2.1.3.2 for index 1 of 3: leaf 1 is a right child, then its parent is a left child.
    check(node_hash(node_hash(path[0], leaves[1]), path[1]) == root3, "inclusion path of entry 1 leads to the size-3 root")
    open_note(checkpoint.encode(), vkey)

    consistency = [base64.b64decode(p) for p in (HERE / "consistency-2-3").read_text().split()]
    # Size 2 is a complete subtree, so the proof is the rest of size 3: root3 = H(root2, proof[0]).
    check(node_hash(root2, consistency[0]) == root3, "consistency proof from size 2 to size 3")

    receipt = open_note((HERE / "receipt-2").read_bytes(), vkey).splitlines()
    check(receipt[1] == "receipt 2" and base64.b64decode(receipt[2][5:]) == leaves[2], "receipt-2 names entry 2's leaf hash")
    print("all checks passed")


if __name__ == "__main__":
    main()
