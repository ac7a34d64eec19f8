"""Build a different knowledge file with the same length, CRC32 and Adler-32 as another one.

The cache was once keyed by exactly those three numbers; both checksums are easy to steer,
so a file handed over by someone could take the place of the shipped guide in the cache
(reliability review, F1). This is the forging method of the review, used by the regression test.
"""

from __future__ import annotations

import zlib

_ADLER_MOD = 65521
PAD_LOW, PAD_HIGH = ord("A"), ord("z")  # the padding comment stays printable while it is steered


def _adler_parts(data: bytes | bytearray) -> tuple[int, int]:
    value = zlib.adler32(data)
    return value & 0xFFFF, value >> 16


def forge(original: bytes, edited: bytes, pad: int = 3000) -> bytes:
    """`edited` plus a trailing YAML comment, steered until length, CRC32 and Adler-32 match `original`.

    `edited` must be at least `pad + 3` bytes shorter than `original` (drop comment lines to make room).
    """
    room = len(original) - len(edited) - 3
    if room < pad:
        raise ValueError(f"need {pad} bytes of room, have {room}")
    body = bytearray(edited + b"\n# " + b"]" * room)  # the middle of the steering range
    start, n = len(body) - room, len(body)
    # Adler-32: A = 1 + sum(bytes), B = sum over i of (n - i) * byte + n (mod 65521). Fix A, then B.
    target_a, target_b = _adler_parts(original)
    a, _ = _adler_parts(body)
    need = (target_a - a) % _ADLER_MOD
    if need > _ADLER_MOD // 2:
        need -= _ADLER_MOD
    i = start
    while need:  # move bytes by one each until the plain sum is right
        step = 1 if need > 0 else -1
        if PAD_LOW + 2 <= body[i] + step <= PAD_HIGH - 2:
            body[i] += step
            need -= step
        i = start + (i - start + 1) % room
    _, b = _adler_parts(body)
    need_b = (target_b - b) % _ADLER_MOD
    # +1 at position p and -1 at a later position q keeps A and adds (n - p) - (n - q) = q - p to B.
    quarter = room // 4
    p = start
    while need_b:
        distance = min(need_b, quarter)  # q = p + distance: each q is used once per pass
        q = p + distance
        if body[p] < PAD_HIGH - 2 and body[q] > PAD_LOW + 2:
            body[p] += 1
            body[q] -= 1
            need_b -= distance
        p = p + 1 if p + 1 < start + quarter else start
    assert _adler_parts(body) == (target_a, target_b), "adler steering failed"
    # CRC32 is affine over GF(2) for a fixed length; "+1, -2, +1" on three bytes keeps both Adler sums.
    # Candidate triples in the second half of the padding; pick a subset whose XOR fixes the CRC.
    zero = zlib.crc32(bytes(n))
    target = zlib.crc32(body) ^ zlib.crc32(original)
    candidates: list[tuple[int, int]] = []
    position = start + room // 2
    while position + 3 <= n and len(candidates) < 160:
        triple = body[position : position + 3]
        if triple[0] < PAD_HIGH - 2 and triple[1] > PAD_LOW + 3 and triple[2] < PAD_HIGH - 2:
            delta = bytearray(n)
            delta[position] = triple[0] ^ (triple[0] + 1)
            delta[position + 1] = triple[1] ^ (triple[1] - 2)
            delta[position + 2] = triple[2] ^ (triple[2] + 1)
            candidates.append((zlib.crc32(delta) ^ zero, position))
        position += 3
    # Gaussian elimination: basis[bit] = (vector, set of candidate positions making it).
    basis: dict[int, tuple[int, frozenset[int]]] = {}
    for vector, pos in candidates:
        used = frozenset({pos})
        for bit in sorted(basis, reverse=True):
            if vector >> bit & 1:
                vector ^= basis[bit][0]
                used ^= basis[bit][1]
        if vector:
            basis[vector.bit_length() - 1] = (vector, used)
    chosen: frozenset[int] = frozenset()
    for bit in sorted(basis, reverse=True):
        if target >> bit & 1:
            target ^= basis[bit][0]
            chosen ^= basis[bit][1]
    if target:
        raise ValueError("CRC32 could not be steered with these candidates")
    for pos in chosen:
        body[pos] += 1
        body[pos + 1] -= 2
        body[pos + 2] += 1
    forged = bytes(body)
    assert len(forged) == len(original)
    assert zlib.crc32(forged) == zlib.crc32(original) and zlib.adler32(forged) == zlib.adler32(original)
    return forged
