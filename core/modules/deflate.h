// deflate.h — the DEFLATE compressed data format (RFC 1951) and the two
// checksums around it (CRC-32 for gzip, Adler-32 for zlib streams): the
// mechanism under the zlib module (zlib_module.cpp, core/lib/zlib.py).
//
// Decompression follows RFC 1951 §3.2 directly, in the manner of Mark
// Adler's puff.c: a bit reader (least significant bit first), canonical
// Huffman codes decoded one bit at a time from their per-length counts,
// and an output buffer that doubles as the 32 KiB history window that
// length/distance pairs copy from. It stops at block boundaries, so a
// caller that has only part of a stream can decode the blocks it has and
// come back with more data from the same bit position.
//
// Compression finds repeated strings with hash chains over the last 32 KiB
// (longer chains at higher levels, as zlib's configuration table does) and
// writes each block with Huffman codes built for it (or the fixed codes,
// or stored, whichever is smallest). Its output is valid DEFLATE that any
// inflater reads; it is not byte-for-byte zlib's.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gp::deflate {

uint32_t crc32(std::string_view data, uint32_t crc);
uint32_t adler32(std::string_view data, uint32_t adler);

// Compresses `data` as one or more blocks. With `final`, the last block has
// BFINAL set and the stream ends (padded to a byte); without, an empty
// stored block follows so the output ends on a byte boundary (a sync
// flush). level: 0 (store) to 9.
std::string compress(std::string_view data, int level, bool final);

struct InflateResult {
    std::string out;       // the decoded bytes of the complete blocks
    std::string partial;   // then those of the incomplete block, up to its last whole symbol
    uint64_t bit_pos = 0;  // where decoding stopped: after the last complete block
    bool finished = false; // the final block has been decoded
    const char* error = nullptr;  // zlib's message for invalid data, or null
};

// Decodes the complete blocks of `data` from bit `bit_pos`, with `window`
// (up to 32 KiB of earlier output) as the history distances may reach into.
InflateResult inflate(std::string_view data, uint64_t bit_pos, std::string_view window);

}  // namespace gp::deflate
