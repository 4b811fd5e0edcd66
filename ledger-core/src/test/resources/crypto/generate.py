#!/usr/bin/env python3
"""Writes the malformed key files under crypto/mutations from RFC 8410's example key.

Standard library only; run from this directory: python3 generate.py. Each file applies one
mutation, named by the file, to the DER or PEM of the RFC 8410 section 10.3 example private key
(seed d4ee72db...) or its section 10.1 public key (19bf4409...). README.md lists what reading
each one must report.
"""
import base64
import os

SEED = bytes.fromhex("d4ee72dbf913584ad5b6d8f1f769f8ad3afe7c28cbf1d4fbe097a88f44755842")
PUBLIC = bytes.fromhex("19bf44096984cdfe8541bac167dc3b96c85086aa30b6b6cb0c5c38ad703166e1")
ED25519 = bytes.fromhex("06032b6570")  # OID 1.3.101.112
X25519 = bytes.fromhex("06032b656e")  # OID 1.3.101.110
ED448 = bytes.fromhex("06032b6571")  # OID 1.3.101.113


def tlv(tag, content):
    assert len(content) < 128
    return bytes([tag, len(content)]) + content


def seq(*parts):
    return tlv(0x30, b"".join(parts))


def pkcs8(version=0, oid=ED25519, params=b"", seed=SEED, inner_tag=0x04, public=None):
    body = [tlv(0x02, bytes([version])), seq(oid + params), tlv(0x04, tlv(inner_tag, seed))]
    if public is not None:
        body.append(tlv(0x81, b"\x00" + public))  # [1] IMPLICIT BIT STRING
    return seq(*body)


def spki(oid=ED25519, key=PUBLIC, unused_bits=0):
    return seq(seq(oid), tlv(0x03, bytes([unused_bits]) + key))


def pem(label, der, end_label=None):
    b = base64.b64encode(der).decode()
    lines = [b[i:i + 64] for i in range(0, len(b), 64)]
    return "-----BEGIN %s-----\n%s\n-----END %s-----\n" % (label, "\n".join(lines),
                                                         end_label or label)


def write(name, data):
    if isinstance(data, str):
        data = data.encode("ascii")
    with open(os.path.join("mutations", name), "wb") as f:
        f.write(data)


good = pkcs8()
assert good.hex() == ("302e020100300506032b657004220420" + SEED.hex())
good_pem = pem("PRIVATE KEY", good)

write("private-wrong-label.pem", pem("EC PRIVATE KEY", good))
write("private-encrypted-label.pem", pem("ENCRYPTED PRIVATE KEY", good))
write("private-mismatched-end-label.pem", pem("PRIVATE KEY", good, end_label="PUBLIC KEY"))
write("private-missing-end.pem", good_pem.replace("-----END PRIVATE KEY-----\n", ""))
write("private-text-before-begin.pem", "my key:\n" + good_pem)
write("private-text-after-end.pem", good_pem + "this is my key\n")
write("private-pem-headers.pem",
      good_pem.replace("-----\n", "-----\nProc-Type: 4,ENCRYPTED\n\n", 1))
write("private-body-not-base64.pem", good_pem.replace("MC4C", "MC*C"))
write("private-empty-body.pem", "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n")
write("private-crlf.pem", good_pem.replace("\n", "\r\n"))
write("private-no-final-newline.pem", good_pem.rstrip("\n"))
write("private-wrong-oid-x25519.pem", pem("PRIVATE KEY", pkcs8(oid=X25519)))
write("private-algorithm-parameters-null.pem", pem("PRIVATE KEY", pkcs8(params=b"\x05\x00")))
write("private-seed-31-bytes.pem", pem("PRIVATE KEY", pkcs8(seed=SEED[:31])))
write("private-seed-33-bytes.pem", pem("PRIVATE KEY", pkcs8(seed=SEED + b"\x00")))
write("private-inner-not-octet-string.pem", pem("PRIVATE KEY", pkcs8(inner_tag=0x0c)))
write("private-trailing-data.pem", pem("PRIVATE KEY", good + b"\x00"))
write("private-long-form-length.pem", pem("PRIVATE KEY", b"\x30\x81\x2e" + good[2:]))
write("private-version-2.pem", pem("PRIVATE KEY", pkcs8(version=2)))
write("private-with-public-key.pem", pem("PRIVATE KEY", pkcs8(version=1, public=PUBLIC)))
write("private-mismatched-public-key.pem",
      pem("PRIVATE KEY", pkcs8(version=1, public=PUBLIC[:31] + bytes([PUBLIC[31] ^ 1]))))

good_spki = spki()
assert good_spki.hex() == "302a300506032b6570032100" + PUBLIC.hex()
write("public-wrong-label.pem", pem("RSA PUBLIC KEY", good_spki))
write("public-wrong-oid-ed448.pem", pem("PUBLIC KEY", spki(oid=ED448)))
write("public-31-bytes.der", spki(key=PUBLIC[:31]))
# DER requires the unused bits to be zero, so clear the last bit to reach the unused-bits check.
write("public-unused-bits.der", spki(key=PUBLIC[:31] + bytes([PUBLIC[31] & 0xfe]), unused_bits=1))
write("public-trailing-data.der", good_spki + b"\x00")
write("public-not-a-point.b64", base64.b64encode(b"\xff" * 31 + b"\x7f").decode() + "\n")
write("public-small-order.raw", b"\x01" + b"\x00" * 31)
write("public-31-bytes.b64", base64.b64encode(PUBLIC[:31]).decode() + "\n")
