// deflate.cpp — DEFLATE (RFC 1951), CRC-32 and Adler-32; see deflate.h.
#include "modules/deflate.h"

#include <algorithm>
#include <array>
#include <queue>
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
constexpr std::size_t kWindow = 32768;

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

// ------------------------------------------------------------ compress

namespace {

struct BitWriter {
    std::string out;
    uint64_t acc = 0;
    int n = 0;

    void put(uint32_t value, int bits) {
        acc |= uint64_t(value) << n;
        n += bits;
        while (n >= 8) {
            out.push_back(char(acc & 0xFF));
            acc >>= 8;
            n -= 8;
        }
    }
    // Huffman codes go most significant bit first.
    void put_code(uint32_t code, int len) {
        uint32_t rev = 0;
        for (int i = 0; i < len; i++) rev |= ((code >> i) & 1) << (len - 1 - i);
        put(rev, len);
    }
    void align() {
        if (n > 0) put(0, 8 - n);
    }
};

// Code lengths for the frequencies, no longer than max_bits: a Huffman
// tree, and while it is too deep, the same with flattened frequencies.
void huffman_lengths(const uint32_t* freq, int n, int max_bits, uint8_t* lengths) {
    std::vector<uint32_t> f(freq, freq + n);
    for (;;) {
        std::fill(lengths, lengths + n, uint8_t(0));
        struct Node { uint64_t weight; int left, right; };
        std::vector<Node> nodes;
        using Item = std::pair<uint64_t, int>;
        std::priority_queue<Item, std::vector<Item>, std::greater<Item>> heap;
        for (int s = 0; s < n; s++)
            if (f[std::size_t(s)]) {
                nodes.push_back({f[std::size_t(s)], -1, s});
                heap.push({f[std::size_t(s)], int(nodes.size() - 1)});
            }
        if (nodes.empty()) return;
        if (nodes.size() == 1) {
            lengths[nodes[0].right] = 1;
            return;
        }
        while (heap.size() > 1) {
            Item a = heap.top(); heap.pop();
            Item b = heap.top(); heap.pop();
            nodes.push_back({a.first + b.first, a.second, b.second});
            heap.push({a.first + b.first, int(nodes.size() - 1)});
        }
        // Depths by walking down from the root.
        std::vector<std::pair<int, int>> stack{{heap.top().second, 0}};
        int deepest = 0;
        while (!stack.empty()) {
            auto [i, depth] = stack.back();
            stack.pop_back();
            const Node& node = nodes[std::size_t(i)];
            if (node.left < 0) {
                lengths[node.right] = uint8_t(depth);
                deepest = std::max(deepest, depth);
            } else {
                stack.push_back({node.left, depth + 1});
                stack.push_back({node.right, depth + 1});
            }
        }
        if (deepest <= max_bits) return;
        for (auto& x : f)
            if (x) x = (x >> 1) | 1;
    }
}

// Canonical codes from lengths (RFC 1951 §3.2.2).
void canonical_codes(const uint8_t* lengths, int n, uint16_t* codes) {
    uint16_t count[kMaxBits + 1] = {}, next[kMaxBits + 2] = {};
    for (int s = 0; s < n; s++) count[lengths[s]]++;
    count[0] = 0;
    uint16_t code = 0;
    for (int bits = 1; bits <= kMaxBits; bits++) {
        code = uint16_t((code + count[bits - 1]) << 1);
        next[bits] = code;
    }
    for (int s = 0; s < n; s++)
        if (lengths[s]) codes[s] = next[lengths[s]]++;
}

// One symbol of the LZ77 output: a literal (dist 0) or a match.
struct Symbol { uint16_t lit_or_len; uint16_t dist; };

int len_code(int len) {
    int c = 0;
    while (c < 28 && kLenBase[c + 1] <= len) c++;
    return c;
}

int dist_code(int d) {
    int c = 0;
    while (c < 29 && kDistBase[c + 1] <= d) c++;
    return c;
}

// The run-length coded code lengths of a dynamic block header.
struct ClSymbol { uint8_t sym; uint8_t extra; };

std::vector<ClSymbol> rle_lengths(const uint8_t* lengths, int n) {
    std::vector<ClSymbol> out;
    for (int i = 0; i < n;) {
        int len = lengths[i], run = 1;
        while (i + run < n && lengths[i + run] == len) run++;
        int left = run;
        if (len == 0) {
            while (left >= 11) { int k = std::min(left, 138); out.push_back({18, uint8_t(k - 11)}); left -= k; }
            if (left >= 3) { out.push_back({17, uint8_t(left - 3)}); left = 0; }
        } else {
            out.push_back({uint8_t(len), 0});
            left--;
            while (left >= 3) { int k = std::min(left, 6); out.push_back({16, uint8_t(k - 3)}); left -= k; }
        }
        while (left-- > 0) out.push_back({uint8_t(len), 0});
        i += run;
    }
    return out;
}

void write_symbols(BitWriter& w, const std::vector<Symbol>& syms, const uint8_t* lit_len, const uint16_t* lit_code,
                   const uint8_t* dist_len, const uint16_t* dist_code_tab) {
    for (const Symbol& s : syms) {
        if (s.dist == 0) {
            w.put_code(lit_code[s.lit_or_len], lit_len[s.lit_or_len]);
            continue;
        }
        int lc = len_code(s.lit_or_len);
        w.put_code(lit_code[257 + lc], lit_len[257 + lc]);
        w.put(uint32_t(s.lit_or_len - kLenBase[lc]), kLenExtra[lc]);
        int dc = dist_code(s.dist);
        w.put_code(dist_code_tab[dc], dist_len[dc]);
        w.put(uint32_t(s.dist - kDistBase[dc]), kDistExtra[dc]);
    }
    w.put_code(lit_code[256], lit_len[256]);
}

// Writes one block of symbols covering raw[begin, end), choosing stored,
// fixed or dynamic codes, whichever is shortest.
void write_block(BitWriter& w, const std::vector<Symbol>& syms, std::string_view raw, bool last) {
    uint32_t lit_freq[286] = {}, dist_freq[30] = {};
    for (const Symbol& s : syms) {
        if (s.dist == 0) lit_freq[s.lit_or_len]++;
        else {
            lit_freq[257 + len_code(s.lit_or_len)]++;
            dist_freq[dist_code(s.dist)]++;
        }
    }
    lit_freq[256] = 1;
    uint8_t dyn_lit[286], dyn_dist[30];
    huffman_lengths(lit_freq, 286, 15, dyn_lit);
    huffman_lengths(dist_freq, 30, 15, dyn_dist);
    if (std::all_of(dyn_dist, dyn_dist + 30, [](uint8_t l) { return l == 0; })) dyn_dist[0] = 1;
    int nlit = 286, ndist = 30;
    while (nlit > 257 && dyn_lit[nlit - 1] == 0) nlit--;
    while (ndist > 1 && dyn_dist[ndist - 1] == 0) ndist--;
    uint8_t all[316];
    std::copy(dyn_lit, dyn_lit + nlit, all);
    std::copy(dyn_dist, dyn_dist + ndist, all + nlit);
    std::vector<ClSymbol> cl = rle_lengths(all, nlit + ndist);
    uint32_t cl_freq[19] = {};
    for (const ClSymbol& c : cl) cl_freq[c.sym]++;
    uint8_t cl_len[19];
    huffman_lengths(cl_freq, 19, 7, cl_len);
    int ncl = 19;
    while (ncl > 4 && cl_len[kClOrder[ncl - 1]] == 0) ncl--;

    uint8_t fix_lit[288], fix_dist[30];
    fixed_lengths(fix_lit, fix_dist);
    auto data_bits = [&](const uint8_t* ll, const uint8_t* dl) {
        uint64_t bits = 0;
        for (int s = 0; s < 286; s++) bits += uint64_t(lit_freq[s]) * ll[s];
        for (int s = 0; s < 30; s++) bits += uint64_t(dist_freq[s]) * dl[s];
        for (int c = 0; c < 29; c++) bits += uint64_t(lit_freq[257 + c]) * kLenExtra[c];
        for (int c = 0; c < 30; c++) bits += uint64_t(dist_freq[c]) * kDistExtra[c];
        return bits;
    };
    uint64_t dyn_bits = 3 + 14 + 3 * uint64_t(ncl) + data_bits(dyn_lit, dyn_dist);
    for (const ClSymbol& c : cl) dyn_bits += cl_len[c.sym] + (c.sym == 16 ? 2 : c.sym == 17 ? 3 : c.sym == 18 ? 7 : 0);
    uint64_t fix_bits = 3 + data_bits(fix_lit, fix_dist);
    uint64_t stored_bits = raw.size() <= 65535 ? 3 + 7 + 32 + 8 * uint64_t(raw.size()) : UINT64_MAX;

    if (stored_bits <= fix_bits && stored_bits <= dyn_bits) {
        w.put(last ? 1 : 0, 1);
        w.put(0, 2);
        w.align();
        w.put(uint32_t(raw.size()), 16);
        w.put(uint32_t(~raw.size() & 0xFFFF), 16);
        w.out.append(raw);
        return;
    }
    w.put(last ? 1 : 0, 1);
    if (fix_bits <= dyn_bits) {
        w.put(1, 2);
        uint16_t lc[288], dc[30];
        canonical_codes(fix_lit, 288, lc);
        canonical_codes(fix_dist, 30, dc);
        write_symbols(w, syms, fix_lit, lc, fix_dist, dc);
        return;
    }
    w.put(2, 2);
    w.put(uint32_t(nlit - 257), 5);
    w.put(uint32_t(ndist - 1), 5);
    w.put(uint32_t(ncl - 4), 4);
    for (int i = 0; i < ncl; i++) w.put(cl_len[kClOrder[i]], 3);
    uint16_t cl_code[19] = {};
    canonical_codes(cl_len, 19, cl_code);
    for (const ClSymbol& c : cl) {
        w.put_code(cl_code[c.sym], cl_len[c.sym]);
        if (c.sym == 16) w.put(c.extra, 2);
        else if (c.sym == 17) w.put(c.extra, 3);
        else if (c.sym == 18) w.put(c.extra, 7);
    }
    uint16_t lc[286] = {}, dc[30] = {};
    canonical_codes(dyn_lit, 286, lc);
    canonical_codes(dyn_dist, 30, dc);
    write_symbols(w, syms, dyn_lit, lc, dyn_dist, dc);
}

}  // namespace

std::string compress(std::string_view data, int level, bool final) {
    BitWriter w;
    if (level == 0) {
        std::size_t i = 0;
        do {
            std::size_t n = std::min<std::size_t>(65535, data.size() - i);
            bool last = final && i + n == data.size();
            w.put(last ? 1 : 0, 1);
            w.put(0, 2);
            w.align();
            w.put(uint32_t(n), 16);
            w.put(uint32_t(~n & 0xFFFF), 16);
            w.out.append(data.substr(i, n));
            i += n;
        } while (i < data.size());
        if (!final) {
            w.put(0, 3);
            w.align();
            w.put(0, 16);
            w.put(0xFFFF, 16);
        }
        return w.out;
    }
    // zlib's chain limits per level (deflate.c configuration_table).
    static const int kChain[10] = {0, 4, 8, 32, 16, 32, 128, 256, 1024, 4096};
    static const int kNice[10] = {0, 8, 16, 32, 32, 128, 128, 128, 258, 258};
    const int max_chain = kChain[std::clamp(level, 1, 9)];
    const int nice = kNice[std::clamp(level, 1, 9)];
    constexpr int kHashBits = 15;
    std::vector<int32_t> head(std::size_t(1) << kHashBits, -1);
    std::vector<int32_t> prev(data.size(), -1);
    auto hash_at = [&](std::size_t i) {
        uint32_t h = (uint32_t(uint8_t(data[i])) << 10) ^ (uint32_t(uint8_t(data[i + 1])) << 5) ^ uint8_t(data[i + 2]);
        return (h * 2654435761u) >> (32 - kHashBits);
    };
    auto insert = [&](std::size_t i) {
        if (i + 2 >= data.size()) return;
        uint32_t h = hash_at(i);
        prev[i] = head[h];
        head[h] = int32_t(i);
    };
    std::vector<Symbol> syms;
    std::size_t block_start = 0;
    constexpr std::size_t kBlockSymbols = 16384;
    std::size_t i = 0;
    const std::size_t n = data.size();
    while (i < n) {
        int best_len = 0, best_dist = 0;
        if (i + 2 < n) {
            uint32_t h = hash_at(i);
            int32_t cand = head[h];
            int chain = max_chain;
            const int max_len = int(std::min<std::size_t>(258, n - i));
            while (cand >= 0 && chain-- > 0 && i - std::size_t(cand) <= kWindow) {
                const char* a = data.data() + cand;
                const char* b = data.data() + i;
                int len = 0;
                while (len < max_len && a[len] == b[len]) len++;
                if (len > best_len) {
                    best_len = len;
                    best_dist = int(i - std::size_t(cand));
                    if (len >= nice) break;
                }
                cand = prev[std::size_t(cand)];
            }
        }
        if (best_len >= 3) {
            syms.push_back({uint16_t(best_len), uint16_t(best_dist)});
            for (int k = 0; k < best_len; k++) insert(i + std::size_t(k));
            i += std::size_t(best_len);
        } else {
            syms.push_back({uint16_t(uint8_t(data[i])), 0});
            insert(i);
            i++;
        }
        if (syms.size() >= kBlockSymbols && i < n) {
            write_block(w, syms, data.substr(block_start, i - block_start), false);
            syms.clear();
            block_start = i;
        }
    }
    write_block(w, syms, data.substr(block_start, n - block_start), final);
    if (!final) {
        w.put(0, 3);
        w.align();
        w.put(0, 16);
        w.put(0xFFFF, 16);
    } else {
        w.align();
    }
    return w.out;
}

}  // namespace gp::deflate
