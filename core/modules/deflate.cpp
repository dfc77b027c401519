// deflate.cpp — DEFLATE decompression (RFC 1951), CRC-32 and Adler-32; see
// deflate.h. Compression is in deflate_compress.cpp.
#include "modules/deflate.h"

#include <algorithm>
#include <array>
#include <vector>

namespace gp::deflate {

// ------------------------------------------------------------ checksums

namespace {

constexpr std::array<uint32_t, 256> make_crc_table() {
    std::array<uint32_t, 256> t{};
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        t[n] = c;
    }
    return t;
}
constexpr std::array<uint32_t, 256> kCrcTable = make_crc_table();

}  // namespace

uint32_t crc32(std::string_view data, uint32_t crc) {
    crc = ~crc;
    for (unsigned char b : data) crc = kCrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

uint32_t adler32(std::string_view data, uint32_t adler) {
    constexpr uint32_t kBase = 65521;
    uint32_t a = adler & 0xFFFF, b = adler >> 16;
    std::size_t i = 0;
    while (i < data.size()) {
        // 5552 bytes is the most that cannot overflow 32 bits before the modulo.
        std::size_t n = std::min<std::size_t>(5552, data.size() - i);
        for (std::size_t k = 0; k < n; k++) {
            a += static_cast<unsigned char>(data[i + k]);
            b += a;
        }
        a %= kBase;
        b %= kBase;
        i += n;
    }
    return (b << 16) | a;
}

// ------------------------------------------------------------ shared tables

namespace {

// Length codes 257..285: base length and extra bits (RFC 1951 §3.2.5).
constexpr uint16_t kLenBase[29] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                   35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr uint8_t kLenExtra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
                                   3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
// Distance codes 0..29.
constexpr uint16_t kDistBase[30] = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385,
                                    513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr uint8_t kDistExtra[30] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7,
                                    8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
// The order in which code length code lengths are sent.
constexpr uint8_t kClOrder[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

constexpr int kMaxBits = 15;

void fixed_lengths(uint8_t* lit, uint8_t* dist) {
    for (int i = 0; i < 288; i++) lit[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
    for (int i = 0; i < 30; i++) dist[i] = 5;
}

// ------------------------------------------------------------ inflate

// A canonical Huffman code for decoding: how many codes of each length, and
// the symbols in code order.
struct Huffman {
    uint16_t count[kMaxBits + 1];
    uint16_t symbol[288];
};

// Builds h from code lengths; 0 = complete code, > 0 incomplete, < 0 over-subscribed.
int build(Huffman& h, const uint8_t* lengths, int n) {
    for (int len = 0; len <= kMaxBits; len++) h.count[len] = 0;
    for (int s = 0; s < n; s++) h.count[lengths[s]]++;
    if (h.count[0] == n) return 0;   // no codes: complete, but decoding fails
    int left = 1;
    for (int len = 1; len <= kMaxBits; len++) {
        left <<= 1;
        left -= h.count[len];
        if (left < 0) return left;
    }
    uint16_t offs[kMaxBits + 1];
    offs[1] = 0;
    for (int len = 1; len < kMaxBits; len++) offs[len + 1] = uint16_t(offs[len] + h.count[len]);
    for (int s = 0; s < n; s++)
        if (lengths[s] != 0) h.symbol[offs[lengths[s]]++] = uint16_t(s);
    return left;
}

struct Reader {
    std::string_view in;
    uint64_t pos;          // bit position
    bool short_ = false;   // ran past the end of the input

    int bits(int need) {
        int v = 0;
        for (int i = 0; i < need; i++) {
            if ((pos >> 3) >= in.size()) { short_ = true; return 0; }
            int bit = (static_cast<unsigned char>(in[pos >> 3]) >> (pos & 7)) & 1;
            v |= bit << i;
            pos++;
        }
        return v;
    }

    // One symbol of h; -1 past the end of the input, -2 for an invalid code.
    int decode(const Huffman& h) {
        int code = 0, first = 0, index = 0;
        for (int len = 1; len <= kMaxBits; len++) {
            code |= bits(1);
            if (short_) return -1;
            int count = h.count[len];
            if (code - count < first) return h.symbol[index + (code - first)];
            index += count;
            first += count;
            first <<= 1;
            code <<= 1;
        }
        return -2;
    }
};

// Decodes one block's codes into out. Returns null on success (check
// r.short_), else zlib's message.
const char* codes(Reader& r, std::string& out, const Huffman& lit, const Huffman& dist) {
    for (;;) {
        int sym = r.decode(lit);
        if (sym == -1) return nullptr;
        if (sym < 0) return "invalid literal/length code";
        if (sym < 256) {
            out.push_back(char(sym));
            continue;
        }
        if (sym == 256) return nullptr;
        sym -= 257;
        if (sym >= 29) return "invalid literal/length code";
        int len = kLenBase[sym] + r.bits(kLenExtra[sym]);
        int dsym = r.decode(dist);
        if (dsym == -1 || r.short_) return nullptr;
        if (dsym < 0 || dsym >= 30) return "invalid distance code";
        std::size_t d = kDistBase[dsym] + std::size_t(r.bits(kDistExtra[dsym]));
        if (r.short_) return nullptr;
        if (d > out.size()) return "invalid distance too far back";
        std::size_t from = out.size() - d;
        for (int k = 0; k < len; k++) out.push_back(out[from + std::size_t(k)]);
    }
}

const char* dynamic_tables(Reader& r, Huffman& lit, Huffman& dist) {
    int nlen = r.bits(5) + 257, ndist = r.bits(5) + 1, ncode = r.bits(4) + 4;
    if (r.short_) return nullptr;
    if (nlen > 286 || ndist > 30) return "too many length or distance symbols";
    uint8_t lengths[320] = {};
    for (int i = 0; i < ncode; i++) lengths[kClOrder[i]] = uint8_t(r.bits(3));
    if (r.short_) return nullptr;
    Huffman cl;
    if (build(cl, lengths, 19) != 0) return "invalid code lengths set";
    int index = 0;
    while (index < nlen + ndist) {
        int sym = r.decode(cl);
        if (sym == -1) return nullptr;
        if (sym < 0) return "invalid code lengths set";
        if (sym < 16) {
            lengths[index++] = uint8_t(sym);
            continue;
        }
        int len = 0, repeat;
        if (sym == 16) {
            if (index == 0) return "invalid bit length repeat";
            len = lengths[index - 1];
            repeat = 3 + r.bits(2);
        } else if (sym == 17) {
            repeat = 3 + r.bits(3);
        } else {
            repeat = 11 + r.bits(7);
        }
        if (r.short_) return nullptr;
        if (index + repeat > nlen + ndist) return "invalid bit length repeat";
        while (repeat--) lengths[index++] = uint8_t(len);
    }
    if (lengths[256] == 0) return "invalid code -- missing end-of-block";
    int err = build(lit, lengths, nlen);
    if (err < 0 || (err > 0 && nlen - lit.count[0] != 1)) return "invalid literal/lengths set";
    err = build(dist, lengths + nlen, ndist);
    if (err < 0 || (err > 0 && ndist - dist.count[0] != 1)) return "invalid distances set";
    return nullptr;
}

}  // namespace

InflateResult inflate(std::string_view data, uint64_t bit_pos, std::string_view window) {
    InflateResult result;
    // out holds the history window, then the new output.
    std::string out(window);
    const std::size_t history = out.size();
    Reader r{data, bit_pos};
    std::size_t committed_out = out.size();
    uint64_t committed_pos = bit_pos;
    for (;;) {
        int last = r.bits(1);
        int type = r.bits(2);
        if (r.short_) break;
        const char* err = nullptr;
        if (type == 0) {
            r.pos = (r.pos + 7) & ~uint64_t(7);
            int len = r.bits(16);
            int nlen = r.bits(16);
            if (r.short_) break;
            if (len != (~nlen & 0xFFFF)) err = "invalid stored block lengths";
            else if ((r.pos >> 3) + uint64_t(len) > data.size()) { r.short_ = true; break; }
            else {
                out.append(data.substr(std::size_t(r.pos >> 3), std::size_t(len)));
                r.pos += uint64_t(len) * 8;
            }
        } else if (type == 1) {
            uint8_t lit_len[288], dist_len[30];
            fixed_lengths(lit_len, dist_len);
            Huffman lit, dist;
            build(lit, lit_len, 288);
            build(dist, dist_len, 30);
            err = codes(r, out, lit, dist);
        } else if (type == 2) {
            Huffman lit, dist;
            err = dynamic_tables(r, lit, dist);
            if (!err && !r.short_) err = codes(r, out, lit, dist);
        } else {
            err = "invalid block type";
        }
        if (err) {
            result.error = err;
            break;
        }
        if (r.short_) break;
        committed_out = out.size();
        committed_pos = r.pos;
        if (last) {
            result.finished = true;
            break;
        }
    }
    result.out = out.substr(history, committed_out - history);
    if (!result.error && !result.finished) result.partial = out.substr(committed_out);
    result.bit_pos = committed_pos;
    return result;
}

}  // namespace gp::deflate
