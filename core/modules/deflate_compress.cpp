// deflate_compress.cpp — DEFLATE compression that writes the very bytes
// zlib 1.2.x writes (CPython's zlib module links zlib: deflate.c and
// trees.c), so that zlib.compress() output matches CPython's byte for byte.
//
// The output of a DEFLATE compressor is not fixed by RFC 1951: every choice
// (which earlier copy of a string to point at, when to prefer a literal,
// where a block ends, which Huffman codes a block uses) is the compressor's
// own. To produce zlib's bytes, each of zlib's choices is made the same way:
//
// Finding matches (deflate.c). The input passes through a window of
// 2 * w_size bytes; when the current position reaches the upper end, the
// upper half is copied down and every stored position slides by w_size.
// Each position is entered in a hash chain keyed by its next three bytes
// (head[hash] is the newest position, prev[pos & w_mask] the one before).
// longest_match walks a chain from the newest entry, at most max_chain
// steps (a quarter of that once a good_match length is in hand), and stops
// early at nice_match. Like zlib it trusts the hash for the third byte, and
// it compares bytes past the end of the input that the window holds from
// earlier (zeroed the first time, as zlib's high_water does), then cuts
// the length back to what is left.
//
//   level 1-3: deflate_fast — take a match as soon as one is found.
//   level 4-9: deflate_slow — lazy evaluation: a match is taken only if
//              the match at the next position is not longer.
//   level 0:   stored blocks only.
//   per level (configuration_table): good_match, max_lazy, nice_match,
//   max_chain.
//
// Ending blocks (trees.c). Symbols collect in a buffer of lit_bufsize - 1
// entries (16383 at memLevel 8); a full buffer, or the end of the input,
// ends a block. Each block is written stored, with the fixed codes or with
// codes built for it, whichever zlib's size estimates pick. Codes are built
// as zlib builds them — a heap ordered by frequency then subtree depth,
// lengths limited to 15 (7 for the code-length code) by zlib's repair of
// the overflowed lengths, canonical codes — since any other tie-break
// gives an equally good but different code.
//
// What zlib does with its output buffer does not change the bits, except
// for stored blocks at level 0, whose sizes follow the free space of the
// caller's buffer; level 0 here writes the blocks zlib writes when all the
// input and enough output space are given at once.
#include <algorithm>
#include <cstring>
#include <iterator>
#include <vector>

#include "modules/deflate.h"

namespace gp::deflate {

namespace {

constexpr int kMinMatch = 3;
constexpr int kMaxMatch = 258;
constexpr int kMinLookahead = kMaxMatch + kMinMatch + 1;   // what a step may look at
constexpr unsigned kTooFar = 4096;   // a 3-byte match further back than this is not worth it
constexpr int kLiterals = 256;
constexpr int kLengthCodes = 29;
constexpr int kLCodes = kLiterals + 1 + kLengthCodes;   // 286 literal/length codes
constexpr int kDCodes = 30;
constexpr int kBLCodes = 19;
constexpr int kHeapSize = 2 * kLCodes + 1;
constexpr int kMaxBits = 15;
constexpr int kMaxBLBits = 7;
constexpr int kEndBlock = 256;
constexpr int kRep3_6 = 16, kRepZ3_10 = 17, kRepZ11_138 = 18;
constexpr int kMemLevel = 8;                             // zlib's DEF_MEM_LEVEL
constexpr unsigned kLitBufSize = 1u << (kMemLevel + 6);   // 16384
constexpr unsigned kHashBits = kMemLevel + 7;
constexpr unsigned kHashSize = 1u << kHashBits;
constexpr unsigned kHashMask = kHashSize - 1;
constexpr unsigned kHashShift = (kHashBits + kMinMatch - 1) / kMinMatch;
constexpr unsigned kWinInit = kMaxMatch;

constexpr uint8_t kExtraLBits[kLengthCodes] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                              2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr uint8_t kExtraDBits[kDCodes] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6,
                                          6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
constexpr uint8_t kExtraBLBits[kBLCodes] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 3, 7};
constexpr uint8_t kBLOrder[kBLCodes] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

// configuration_table: good_match, max_lazy, nice_match, max_chain, and
// which loop runs the level.
enum class Loop { Stored, Fast, Slow };
struct LevelConfig {
    unsigned good, lazy, nice, chain;
    Loop loop;
};
constexpr LevelConfig kLevels[10] = {
    {0, 0, 0, 0, Loop::Stored},      {4, 4, 8, 4, Loop::Fast},         {4, 5, 16, 8, Loop::Fast},
    {4, 6, 32, 32, Loop::Fast},      {4, 4, 16, 16, Loop::Slow},       {8, 16, 32, 32, Loop::Slow},
    {8, 16, 128, 128, Loop::Slow},   {8, 32, 128, 256, Loop::Slow},    {32, 128, 258, 1024, Loop::Slow},
    {32, 258, 258, 4096, Loop::Slow},
};

unsigned bit_reverse(unsigned code, int len) {
    unsigned r = 0;
    for (int i = 0; i < len; i++, code >>= 1) r = (r << 1) | (code & 1);
    return r;
}

// A Huffman tree's per-symbol data (trees.c's ct_data, its unions split).
struct TreeNode {
    uint32_t freq = 0;   // occurrences in the block
    uint16_t code = 0;   // the code, bit-reversed (LSB first as it is written)
    uint16_t dad = 0;    // parent while the tree is built
    uint16_t len = 0;    // code length
};

// The fixed tables of trees.c's tr_static_init.
struct StaticTables {
    uint8_t length_code[256];   // match length - 3 -> length code (0..28)
    uint8_t dist_code[512];     // distance - 1 -> distance code, see d_code
    int base_length[kLengthCodes];
    int base_dist[kDCodes];
    TreeNode ltree[kLCodes + 2];
    TreeNode dtree[kDCodes];

    StaticTables() {
        int length = 0, code;
        for (code = 0; code < kLengthCodes - 1; code++) {
            base_length[code] = length;
            for (int n = 0; n < (1 << kExtraLBits[code]); n++) length_code[length++] = uint8_t(code);
        }
        // Length 258 has a code of its own; it overwrites the last entry.
        length_code[length - 1] = uint8_t(code);
        base_length[kLengthCodes - 1] = 0;
        int dist = 0;
        for (code = 0; code < 16; code++) {
            base_dist[code] = dist;
            for (int n = 0; n < (1 << kExtraDBits[code]); n++) dist_code[dist++] = uint8_t(code);
        }
        dist >>= 7;
        for (; code < kDCodes; code++) {
            base_dist[code] = dist << 7;
            for (int n = 0; n < (1 << (kExtraDBits[code] - 7)); n++) dist_code[256 + dist++] = uint8_t(code);
        }
        uint16_t bl_count[kMaxBits + 1] = {};
        int n = 0;
        while (n <= 143) ltree[n++].len = 8, bl_count[8]++;
        while (n <= 255) ltree[n++].len = 9, bl_count[9]++;
        while (n <= 279) ltree[n++].len = 7, bl_count[7]++;
        while (n <= 287) ltree[n++].len = 8, bl_count[8]++;
        gen_codes(ltree, kLCodes + 1, bl_count);
        for (n = 0; n < kDCodes; n++) {
            dtree[n].len = 5;
            dtree[n].code = uint16_t(bit_reverse(unsigned(n), 5));
        }
    }

    // Canonical codes from the lengths (gen_codes).
    static void gen_codes(TreeNode* tree, int max_code, const uint16_t* bl_count) {
        uint16_t next_code[kMaxBits + 1];
        unsigned code = 0;
        for (int bits = 1; bits <= kMaxBits; bits++) {
            code = (code + bl_count[bits - 1]) << 1;
            next_code[bits] = uint16_t(code);
        }
        for (int n = 0; n <= max_code; n++) {
            int len = tree[n].len;
            if (len == 0) continue;
            tree[n].code = uint16_t(bit_reverse(next_code[len]++, len));
        }
    }

    int d_code(unsigned dist) const { return dist < 256 ? dist_code[dist] : dist_code[256 + (dist >> 7)]; }
};

const StaticTables& tables() {
    static const StaticTables t;   // immutable once built: shared by every interpreter
    return t;
}

// What build_tree needs to know of a tree (static_tree_desc).
struct TreeDesc {
    TreeNode* tree;
    int max_code = 0;
    const TreeNode* stree;   // the fixed code, for the static size estimate, or null
    const uint8_t* extra;
    int extra_base;
    int elems;
    int max_length;
};

class Deflater {
public:
    Deflater(int level, int w_bits, int wrapper_bytes)
        : level_(level), cfg_(kLevels[level]), wrapper_bytes_(wrapper_bytes) {
        w_size_ = 1u << w_bits;
        w_mask_ = w_size_ - 1;
        window_size_ = 2 * w_size_;
        window_.assign(window_size_, 0);
        prev_.assign(w_size_, 0);
        head_.assign(kHashSize, 0);
        sym_buf_.assign(kLitBufSize * 3, 0);
        sym_end_ = (kLitBufSize - 1) * 3;
        l_desc_ = {dyn_ltree_, 0, tables().ltree, kExtraLBits, kLiterals + 1, kLCodes, kMaxBits};
        d_desc_ = {dyn_dtree_, 0, tables().dtree, kExtraDBits, 0, kDCodes, kMaxBits};
        bl_desc_ = {bl_tree_, 0, nullptr, kExtraBLBits, 0, kBLCodes, kMaxBLBits};
        init_block();
        match_length_ = prev_length_ = kMinMatch - 1;
    }

    // All of `data`, then either the final block (finish) or a sync flush.
    std::string run(std::string_view data, bool finish) {
        in_ = data;
        switch (cfg_.loop) {
            case Loop::Stored: deflate_stored(finish); break;
            case Loop::Fast: deflate_fast(finish); break;
            case Loop::Slow: deflate_slow(finish); break;
        }
        if (!finish) {
            // Z_SYNC_FLUSH: an empty stored block brings the output to a byte.
            stored_block(nullptr, 0, false);
        }
        return std::move(out_);
    }

private:
    // ------------------------------------------------------------ bits out

    void send_bits(unsigned value, int length) {
        bit_buf_ |= uint64_t(value) << bit_count_;
        bit_count_ += length;
        while (bit_count_ >= 8) {
            out_.push_back(char(bit_buf_ & 0xFF));
            bit_buf_ >>= 8;
            bit_count_ -= 8;
        }
    }
    void send_code(int c, const TreeNode* tree) { send_bits(tree[c].code, tree[c].len); }
    // bi_windup: pad to a byte boundary.
    void windup() {
        if (bit_count_ > 0) out_.push_back(char(bit_buf_ & 0xFF));
        bit_buf_ = 0;
        bit_count_ = 0;
    }

    // ------------------------------------------------------------ trees

    void init_block() {
        for (int n = 0; n < kLCodes; n++) dyn_ltree_[n].freq = 0;
        for (int n = 0; n < kDCodes; n++) dyn_dtree_[n].freq = 0;
        for (int n = 0; n < kBLCodes; n++) bl_tree_[n].freq = 0;
        dyn_ltree_[kEndBlock].freq = 1;
        opt_len_ = static_len_ = 0;
        sym_next_ = 0;
    }

    // smaller(): by frequency, then by depth (the shallower subtree first).
    bool smaller(const TreeNode* tree, int n, int m) const {
        return tree[n].freq < tree[m].freq || (tree[n].freq == tree[m].freq && depth_[n] <= depth_[m]);
    }

    // Restores the heap property down from k (pqdownheap).
    void pqdownheap(const TreeNode* tree, int k) {
        int v = heap_[k];
        int j = k << 1;
        while (j <= heap_len_) {
            if (j < heap_len_ && smaller(tree, heap_[j + 1], heap_[j])) j++;
            if (smaller(tree, v, heap_[j])) break;
            heap_[k] = heap_[j];
            k = j;
            j <<= 1;
        }
        heap_[k] = v;
    }

    // Code lengths from the built tree, at most max_length (gen_bitlen):
    // leaves that came out too deep are moved up and a shorter leaf is
    // moved down in their place, as zlib does, which keeps the sizes it
    // estimated exact.
    void gen_bitlen(TreeDesc& desc) {
        TreeNode* tree = desc.tree;
        const int max_code = desc.max_code;
        const int max_length = desc.max_length;
        int overflow = 0;
        for (int bits = 0; bits <= kMaxBits; bits++) bl_count_[bits] = 0;
        tree[heap_[heap_max_]].len = 0;   // the root
        int h;
        for (h = heap_max_ + 1; h < kHeapSize; h++) {
            int n = heap_[h];
            int bits = tree[tree[n].dad].len + 1;
            if (bits > max_length) bits = max_length, overflow++;
            tree[n].len = uint16_t(bits);
            if (n > max_code) continue;   // an inner node
            bl_count_[bits]++;
            int xbits = n >= desc.extra_base ? desc.extra[n - desc.extra_base] : 0;
            uint64_t f = tree[n].freq;
            opt_len_ += f * unsigned(bits + xbits);
            if (desc.stree) static_len_ += f * unsigned(desc.stree[n].len + xbits);
        }
        if (overflow == 0) return;
        do {
            int bits = max_length - 1;
            while (bl_count_[bits] == 0) bits--;
            bl_count_[bits]--;
            bl_count_[bits + 1] += 2;
            bl_count_[max_length]--;
            overflow -= 2;
        } while (overflow > 0);
        for (int bits = max_length; bits != 0; bits--) {
            int n = bl_count_[bits];
            while (n != 0) {
                int m = heap_[--h];
                if (m > max_code) continue;
                if (tree[m].len != unsigned(bits)) {
                    opt_len_ += (uint64_t(bits) - tree[m].len) * tree[m].freq;   // wraps as zlib's ulg does
                    tree[m].len = uint16_t(bits);
                }
                n--;
            }
        }
    }

    void build_tree(TreeDesc& desc) {
        TreeNode* tree = desc.tree;
        const int elems = desc.elems;
        int max_code = -1;
        heap_len_ = 0;
        heap_max_ = kHeapSize;
        for (int n = 0; n < elems; n++) {
            if (tree[n].freq != 0) {
                heap_[++heap_len_] = max_code = n;
                depth_[n] = 0;
            } else {
                tree[n].len = 0;
            }
        }
        // A code needs two symbols at least: add dummies of frequency 1.
        while (heap_len_ < 2) {
            int node = heap_[++heap_len_] = max_code < 2 ? ++max_code : 0;
            tree[node].freq = 1;
            depth_[node] = 0;
            opt_len_--;
            if (desc.stree) static_len_ -= desc.stree[node].len;
        }
        desc.max_code = max_code;
        for (int n = heap_len_ / 2; n >= 1; n--) pqdownheap(tree, n);
        int node = elems;   // the next inner node
        do {
            int n = heap_[1];
            heap_[1] = heap_[heap_len_--];
            pqdownheap(tree, 1);
            int m = heap_[1];
            heap_[--heap_max_] = n;
            heap_[--heap_max_] = m;
            tree[node].freq = tree[n].freq + tree[m].freq;
            depth_[node] = uint8_t((depth_[n] >= depth_[m] ? depth_[n] : depth_[m]) + 1);
            tree[n].dad = tree[m].dad = uint16_t(node);
            heap_[1] = node++;
            pqdownheap(tree, 1);
        } while (heap_len_ >= 2);
        heap_[--heap_max_] = heap_[1];
        gen_bitlen(desc);
        StaticTables::gen_codes(tree, max_code, bl_count_);
    }

    // Counts the code-length symbols a tree's lengths will be sent with
    // (scan_tree); send_tree sends them.
    void scan_tree(TreeNode* tree, int max_code) {
        int prevlen = -1, nextlen = tree[0].len, count = 0;
        int max_count = 7, min_count = 4;
        if (nextlen == 0) max_count = 138, min_count = 3;
        tree[max_code + 1].len = 0xFFFF;   // guard
        for (int n = 0; n <= max_code; n++) {
            int curlen = nextlen;
            nextlen = tree[n + 1].len;
            if (++count < max_count && curlen == nextlen) continue;
            if (count < min_count) {
                bl_tree_[curlen].freq += unsigned(count);
            } else if (curlen != 0) {
                if (curlen != prevlen) bl_tree_[curlen].freq++;
                bl_tree_[kRep3_6].freq++;
            } else if (count <= 10) {
                bl_tree_[kRepZ3_10].freq++;
            } else {
                bl_tree_[kRepZ11_138].freq++;
            }
            count = 0;
            prevlen = curlen;
            if (nextlen == 0) max_count = 138, min_count = 3;
            else if (curlen == nextlen) max_count = 6, min_count = 3;
            else max_count = 7, min_count = 4;
        }
    }

    void send_tree(const TreeNode* tree, int max_code) {
        int prevlen = -1, nextlen = tree[0].len, count = 0;
        int max_count = 7, min_count = 4;
        if (nextlen == 0) max_count = 138, min_count = 3;
        for (int n = 0; n <= max_code; n++) {
            int curlen = nextlen;
            nextlen = tree[n + 1].len;
            if (++count < max_count && curlen == nextlen) continue;
            if (count < min_count) {
                do send_code(curlen, bl_tree_);
                while (--count != 0);
            } else if (curlen != 0) {
                if (curlen != prevlen) {
                    send_code(curlen, bl_tree_);
                    count--;
                }
                send_code(kRep3_6, bl_tree_);
                send_bits(unsigned(count - 3), 2);
            } else if (count <= 10) {
                send_code(kRepZ3_10, bl_tree_);
                send_bits(unsigned(count - 3), 3);
            } else {
                send_code(kRepZ11_138, bl_tree_);
                send_bits(unsigned(count - 11), 7);
            }
            count = 0;
            prevlen = curlen;
            if (nextlen == 0) max_count = 138, min_count = 3;
            else if (curlen == nextlen) max_count = 6, min_count = 3;
            else max_count = 7, min_count = 4;
        }
    }

    // The code-length code; returns the index in kBLOrder of the last
    // length sent (build_bl_tree).
    int build_bl_tree() {
        scan_tree(dyn_ltree_, l_desc_.max_code);
        scan_tree(dyn_dtree_, d_desc_.max_code);
        build_tree(bl_desc_);
        int max_blindex;
        for (max_blindex = kBLCodes - 1; max_blindex >= 3; max_blindex--)
            if (bl_tree_[kBLOrder[max_blindex]].len != 0) break;
        opt_len_ += 3 * (uint64_t(max_blindex) + 1) + 5 + 5 + 4;
        return max_blindex;
    }

    void send_all_trees(int lcodes, int dcodes, int blcodes) {
        send_bits(unsigned(lcodes - 257), 5);
        send_bits(unsigned(dcodes - 1), 5);
        send_bits(unsigned(blcodes - 4), 4);
        for (int rank = 0; rank < blcodes; rank++) send_bits(bl_tree_[kBLOrder[rank]].len, 3);
        send_tree(dyn_ltree_, lcodes - 1);
        send_tree(dyn_dtree_, dcodes - 1);
    }

    void compress_block(const TreeNode* ltree, const TreeNode* dtree) {
        const StaticTables& t = tables();
        for (unsigned sx = 0; sx < sym_next_;) {
            unsigned dist = sym_buf_[sx] | (unsigned(sym_buf_[sx + 1]) << 8);
            int lc = sym_buf_[sx + 2];
            sx += 3;
            if (dist == 0) {
                send_code(lc, ltree);
                continue;
            }
            int code = t.length_code[lc];
            send_code(code + kLiterals + 1, ltree);
            if (int extra = kExtraLBits[code]) send_bits(unsigned(lc - t.base_length[code]), extra);
            dist--;
            code = t.d_code(dist);
            send_code(code, dtree);
            if (int extra = kExtraDBits[code]) send_bits(dist - unsigned(t.base_dist[code]), extra);
        }
        send_code(kEndBlock, ltree);
    }

    void stored_block(const uint8_t* buf, unsigned stored_len, bool last) {
        send_bits(last ? 1 : 0, 3);   // STORED_BLOCK << 1 | last
        windup();
        out_.push_back(char(stored_len & 0xFF));
        out_.push_back(char(stored_len >> 8));
        out_.push_back(char(~stored_len & 0xFF));
        out_.push_back(char((~stored_len >> 8) & 0xFF));
        if (stored_len) out_.append(reinterpret_cast<const char*>(buf), stored_len);
    }

    // _tr_flush_block: the cheapest of stored, fixed and dynamic codes, by
    // zlib's estimates; buf is null when the block's bytes have left the
    // window (then it cannot be stored).
    void flush_block(const uint8_t* buf, uint64_t stored_len, bool last) {
        uint64_t opt_lenb, static_lenb;
        int max_blindex = 0;
        if (level_ > 0) {
            build_tree(l_desc_);
            build_tree(d_desc_);
            max_blindex = build_bl_tree();
            opt_lenb = (opt_len_ + 3 + 7) >> 3;
            static_lenb = (static_len_ + 3 + 7) >> 3;
            if (static_lenb <= opt_lenb) opt_lenb = static_lenb;
        } else {
            opt_lenb = static_lenb = stored_len + 5;
        }
        if (stored_len + 4 <= opt_lenb && buf != nullptr) {
            stored_block(buf, unsigned(stored_len), last);
        } else if (static_lenb == opt_lenb) {
            send_bits((1u << 1) + (last ? 1 : 0), 3);
            compress_block(tables().ltree, tables().dtree);
        } else {
            send_bits((2u << 1) + (last ? 1 : 0), 3);
            send_all_trees(l_desc_.max_code + 1, d_desc_.max_code + 1, max_blindex + 1);
            compress_block(dyn_ltree_, dyn_dtree_);
        }
        init_block();
        if (last) windup();
    }

    // FLUSH_BLOCK_ONLY: the block from block_start to strstart.
    void flush_block_here(bool last) {
        const uint8_t* buf = block_start_ >= 0 ? window_.data() + block_start_ : nullptr;
        flush_block(buf, uint64_t(int64_t(strstart_) - block_start_), last);
        block_start_ = strstart_;
    }

    bool tally_lit(uint8_t c) {
        sym_buf_[sym_next_++] = 0;
        sym_buf_[sym_next_++] = 0;
        sym_buf_[sym_next_++] = c;
        dyn_ltree_[c].freq++;
        return sym_next_ == sym_end_;
    }

    bool tally_dist(unsigned dist, unsigned len) {   // len is the match length - 3
        sym_buf_[sym_next_++] = uint8_t(dist);
        sym_buf_[sym_next_++] = uint8_t(dist >> 8);
        sym_buf_[sym_next_++] = uint8_t(len);
        dist--;
        dyn_ltree_[tables().length_code[len] + kLiterals + 1].freq++;
        dyn_dtree_[tables().d_code(dist)].freq++;
        return sym_next_ == sym_end_;
    }

    // ------------------------------------------------------------ matching

    unsigned max_dist() const { return w_size_ - kMinLookahead; }

    void update_hash(unsigned c) { ins_h_ = ((ins_h_ << kHashShift) ^ c) & kHashMask; }

    // INSERT_STRING: enters `str` in its chain; returns the previous head.
    unsigned insert_string(unsigned str) {
        update_hash(window_[str + kMinMatch - 1]);
        unsigned head = head_[ins_h_];
        prev_[str & w_mask_] = uint16_t(head);
        head_[ins_h_] = uint16_t(str);
        return head;
    }

    void slide_hash() {
        for (auto& h : head_) h = uint16_t(h >= w_size_ ? h - w_size_ : 0);
        for (auto& p : prev_) p = uint16_t(p >= w_size_ ? p - w_size_ : 0);
    }

    // fill_window: more input into the window (sliding it first when the
    // position has reached its upper half), hashing the strings whose
    // three bytes were not all there before.
    void fill_window() {
        do {
            unsigned more = window_size_ - lookahead_ - strstart_;
            if (strstart_ >= w_size_ + max_dist()) {
                std::memmove(window_.data(), window_.data() + w_size_, w_size_ - more);
                match_start_ -= w_size_;
                strstart_ -= w_size_;
                block_start_ -= int64_t(w_size_);
                if (insert_ > strstart_) insert_ = strstart_;
                slide_hash();
                more += w_size_;
            }
            if (in_.empty()) break;
            unsigned n = unsigned(std::min<std::size_t>(more, in_.size()));
            std::memcpy(window_.data() + strstart_ + lookahead_, in_.data(), n);
            in_.remove_prefix(n);
            lookahead_ += n;
            if (lookahead_ + insert_ >= unsigned(kMinMatch)) {
                unsigned str = strstart_ - insert_;
                ins_h_ = window_[str];
                update_hash(window_[str + 1]);
                while (insert_) {
                    update_hash(window_[str + kMinMatch - 1]);
                    prev_[str & w_mask_] = head_[ins_h_];
                    head_[ins_h_] = uint16_t(str);
                    str++;
                    insert_--;
                    if (lookahead_ + insert_ < unsigned(kMinMatch)) break;
                }
            }
        } while (lookahead_ < unsigned(kMinLookahead) && !in_.empty());
        // Zero the bytes just past the data the first time they are reached
        // (zlib's high_water), so that matching past the end reads zeros or
        // what an earlier slide left there, exactly as zlib's window does.
        if (high_water_ < window_size_) {
            unsigned curr = strstart_ + lookahead_;
            if (high_water_ < curr) {
                unsigned init = std::min(window_size_ - curr, kWinInit);
                std::memset(window_.data() + curr, 0, init);
                high_water_ = curr + init;
            } else if (high_water_ < curr + kWinInit) {
                unsigned init = std::min(curr + kWinInit - high_water_, window_size_ - high_water_);
                std::memset(window_.data() + high_water_, 0, init);
                high_water_ += init;
            }
        }
    }

    // longest_match: the longest match for strstart along the chain from
    // cur_match (see the essay above for what is and is not compared).
    unsigned longest_match(unsigned cur_match) {
        unsigned chain_length = cfg_.chain;
        const uint8_t* w = window_.data();
        const unsigned scan = strstart_;
        int best_len = int(prev_length_);
        int nice_match = int(cfg_.nice);
        const unsigned limit = strstart_ > max_dist() ? strstart_ - max_dist() : 0;
        uint8_t scan_end1 = w[scan + unsigned(best_len) - 1];
        uint8_t scan_end = w[scan + unsigned(best_len)];
        if (prev_length_ >= cfg_.good) chain_length >>= 2;
        if (unsigned(nice_match) > lookahead_) nice_match = int(lookahead_);
        do {
            const unsigned match = cur_match;
            if (w[match + unsigned(best_len)] != scan_end || w[match + unsigned(best_len) - 1] != scan_end1 ||
                w[match] != w[scan] || w[match + 1] != w[scan + 1])
                continue;
            // The third byte is not compared: equal hashes imply it.
            int len = 3;
            while (len < kMaxMatch && w[scan + unsigned(len)] == w[match + unsigned(len)]) len++;
            if (len > best_len) {
                match_start_ = cur_match;
                best_len = len;
                if (len >= nice_match) break;
                scan_end1 = w[scan + unsigned(best_len) - 1];
                scan_end = w[scan + unsigned(best_len)];
            }
        } while ((cur_match = prev_[cur_match & w_mask_]) > limit && --chain_length != 0);
        if (unsigned(best_len) <= lookahead_) return unsigned(best_len);
        return lookahead_;
    }

    // deflate_fast (levels 1-3): a match is taken as soon as it is found;
    // its strings are hashed only when it is short (max_lazy).
    void deflate_fast(bool finish) {
        for (;;) {
            if (lookahead_ < unsigned(kMinLookahead)) {
                fill_window();
                if (lookahead_ == 0) break;
            }
            unsigned hash_head = 0;
            if (lookahead_ >= unsigned(kMinMatch)) hash_head = insert_string(strstart_);
            if (hash_head != 0 && strstart_ - hash_head <= max_dist()) match_length_ = longest_match(hash_head);
            bool flush;
            if (match_length_ >= unsigned(kMinMatch)) {
                flush = tally_dist(strstart_ - match_start_, match_length_ - kMinMatch);
                lookahead_ -= match_length_;
                if (match_length_ <= cfg_.lazy && lookahead_ >= unsigned(kMinMatch)) {
                    match_length_--;
                    do {
                        strstart_++;
                        insert_string(strstart_);
                    } while (--match_length_ != 0);
                    strstart_++;
                } else {
                    strstart_ += match_length_;
                    match_length_ = 0;
                    ins_h_ = window_[strstart_];
                    update_hash(window_[strstart_ + 1]);
                }
            } else {
                flush = tally_lit(window_[strstart_]);
                lookahead_--;
                strstart_++;
            }
            if (flush) flush_block_here(false);
        }
        insert_ = strstart_ < unsigned(kMinMatch - 1) ? strstart_ : unsigned(kMinMatch - 1);
        if (finish) flush_block_here(true);
        else if (sym_next_) flush_block_here(false);
    }

    // deflate_slow (levels 4-9): lazy evaluation. The match found at one
    // position is kept (match_available) until the next position has been
    // tried; the longer one wins.
    void deflate_slow(bool finish) {
        for (;;) {
            if (lookahead_ < unsigned(kMinLookahead)) {
                fill_window();
                if (lookahead_ == 0) break;
            }
            unsigned hash_head = 0;
            if (lookahead_ >= unsigned(kMinMatch)) hash_head = insert_string(strstart_);
            prev_length_ = match_length_;
            prev_match_ = match_start_;
            match_length_ = kMinMatch - 1;
            if (hash_head != 0 && prev_length_ < cfg_.lazy && strstart_ - hash_head <= max_dist()) {
                match_length_ = longest_match(hash_head);
                if (match_length_ <= 5 &&
                    (match_length_ == unsigned(kMinMatch) && strstart_ - match_start_ > kTooFar))
                    match_length_ = kMinMatch - 1;
            }
            if (prev_length_ >= unsigned(kMinMatch) && match_length_ <= prev_length_) {
                unsigned max_insert = strstart_ + lookahead_ - kMinMatch;
                bool flush = tally_dist(strstart_ - 1 - prev_match_, prev_length_ - kMinMatch);
                lookahead_ -= prev_length_ - 1;
                prev_length_ -= 2;
                do {
                    if (++strstart_ <= max_insert) insert_string(strstart_);
                } while (--prev_length_ != 0);
                match_available_ = false;
                match_length_ = kMinMatch - 1;
                strstart_++;
                if (flush) flush_block_here(false);
            } else if (match_available_) {
                if (tally_lit(window_[strstart_ - 1])) flush_block_here(false);
                strstart_++;
                lookahead_--;
            } else {
                match_available_ = true;
                strstart_++;
                lookahead_--;
            }
        }
        if (match_available_) {
            tally_lit(window_[strstart_ - 1]);
            match_available_ = false;
        }
        insert_ = strstart_ < unsigned(kMinMatch - 1) ? strstart_ : unsigned(kMinMatch - 1);
        if (finish) flush_block_here(true);
        else if (sym_next_) flush_block_here(false);
    }

    // Level 0. zlib sizes its stored blocks by the room left in the
    // caller's output buffer; CPython's zlib.compress gives it buffers of
    // 32 KiB, 64 KiB, 256 KiB, 1 MiB, ... (its _BlocksOutputBuffer) and all
    // the input at once. This replays zlib's deflate_stored (and deflate()'s
    // flushing of its pending bytes) over those buffers to find the block
    // sizes; the blocks themselves are the input, in order. Without
    // `finish` (a sync flush) the blocks are simply 65535 bytes long.
    void deflate_stored(bool finish) {
        std::string_view input = in_;
        in_ = {};
        auto emit = [&](uint64_t len, bool last) {
            stored_block(reinterpret_cast<const uint8_t*>(input.data()), unsigned(len), last);
            input.remove_prefix(std::size_t(len));
        };
        if (!finish) {
            do emit(std::min<std::size_t>(65535, input.size()), false);
            while (!input.empty());
            return;
        }
        static constexpr uint64_t kBufferBlocks[] = {
            32u << 10, 64u << 10, 256u << 10, 1u << 20, 4u << 20, 8u << 20, 16u << 20, 16u << 20,
            32u << 20, 32u << 20, 32u << 20, 32u << 20, 64u << 20, 64u << 20, 128u << 20, 128u << 20, 256u << 20};
        constexpr uint64_t kPendingBufSize = uint64_t(kLitBufSize) * 4;
        constexpr uint64_t kMaxStored = 65535;
        const uint64_t w_size = w_size_, window_size = window_size_;
        uint64_t strstart = 0, pending = 0, avail_in = input.size(), avail_out = 0;
        int64_t block_start = 0;
        std::size_t next_buffer = 0;
        bool header_done = false;
        auto flush_pending = [&] {
            uint64_t moved = std::min(pending, avail_out);
            pending -= moved;
            avail_out -= moved;
        };
        // One deflate_stored(Z_FINISH) call; true once the last block is out.
        auto stored_call = [&]() -> bool {
            uint64_t min_block = std::min(kPendingBufSize - 5, w_size);
            uint64_t used = avail_in;
            bool last = false;
            for (;;) {
                if (avail_out < 5) break;
                uint64_t have = avail_out - 5;
                uint64_t left = strstart - uint64_t(block_start);
                uint64_t len = std::min({kMaxStored, left + avail_in, have});
                if (len < min_block && len != left + avail_in) break;
                last = len == left + avail_in;
                pending += 5;
                flush_pending();
                emit(len, last);
                if (left) {
                    uint64_t l = std::min(left, len);
                    avail_out -= l;
                    block_start += int64_t(l);
                    len -= l;
                }
                avail_in -= len;
                avail_out -= len;
                if (last) break;
            }
            used -= avail_in;
            if (used) {
                if (used >= w_size) {
                    strstart = w_size;
                } else {
                    if (window_size - strstart <= used) strstart -= w_size;
                    strstart += used;
                }
                block_start = int64_t(strstart);
            }
            if (last) return true;
            uint64_t have = window_size - strstart;
            if (avail_in > have && block_start >= int64_t(w_size)) {
                block_start -= int64_t(w_size);
                strstart -= w_size;
                have += w_size;
            }
            have = std::min(have, avail_in);
            strstart += have;
            avail_in -= have;
            have = std::min(kPendingBufSize - 5, kMaxStored);
            min_block = std::min(have, w_size);
            uint64_t left = strstart - uint64_t(block_start);
            if (left >= min_block || (avail_in == 0 && left <= have)) {
                uint64_t len = std::min(left, have);
                last = avail_in == 0 && len == left;
                emit(len, last);
                pending += 5 + len;
                block_start += int64_t(len);
                flush_pending();
            }
            return last;
        };
        // deflate() called again whenever it filled the output buffer.
        for (;;) {
            if (avail_out == 0) {
                avail_out = kBufferBlocks[std::min(next_buffer, std::size(kBufferBlocks) - 1)];
                next_buffer++;
            }
            if (pending) {
                flush_pending();
                if (avail_out == 0) continue;
            }
            if (!header_done) {
                header_done = true;
                pending += unsigned(wrapper_bytes_);
                flush_pending();
                if (pending) continue;
            }
            if (stored_call()) return;
            if (avail_out != 0) return;   // cannot happen with Z_FINISH; never loop for ever
        }
    }

    // ------------------------------------------------------------ state

    const int level_;
    const LevelConfig cfg_;
    const int wrapper_bytes_;             // header bytes before the first block (level 0's buffer replay)
    std::string_view in_;                 // input not yet in the window
    std::string out_;
    uint64_t bit_buf_ = 0;                // bits not yet written, LSB first
    int bit_count_ = 0;

    unsigned w_size_, w_mask_, window_size_;
    std::vector<uint8_t> window_;         // 2 * w_size bytes of input
    std::vector<uint16_t> prev_;          // chain links, by position & w_mask (0: end)
    std::vector<uint16_t> head_;          // newest position per hash (0: none)
    unsigned ins_h_ = 0;                  // hash of the three bytes at the next position to insert
    int64_t block_start_ = 0;             // window position where the current block began (negative: slid out)
    unsigned match_length_ = 0, prev_match_ = 0, strstart_ = 0, match_start_ = 0, lookahead_ = 0;
    unsigned prev_length_ = 0;
    bool match_available_ = false;
    unsigned insert_ = 0;                 // bytes at the end of the window not yet hashed
    unsigned high_water_ = 0;             // the window is initialized below here

    std::vector<uint8_t> sym_buf_;        // (dist low, dist high, length or literal) per symbol
    unsigned sym_next_ = 0, sym_end_ = 0;
    TreeNode dyn_ltree_[kHeapSize];
    TreeNode dyn_dtree_[2 * kDCodes + 1];
    TreeNode bl_tree_[2 * kBLCodes + 1];
    TreeDesc l_desc_{}, d_desc_{}, bl_desc_{};
    uint16_t bl_count_[kMaxBits + 1] = {};
    int heap_[2 * kLCodes + 1] = {};
    int heap_len_ = 0, heap_max_ = 0;
    uint8_t depth_[2 * kLCodes + 1] = {};
    uint64_t opt_len_ = 0, static_len_ = 0;   // bit lengths with the dynamic / fixed codes
};

}  // namespace

std::string compress(std::string_view data, int level, bool final, int w_bits, int wrapper_bytes) {
    if (level < 0 || level > 9) level = 6;
    if (w_bits < 9) w_bits = 9;   // zlib's deflate has no 256-byte window
    if (w_bits > 15) w_bits = 15;
    Deflater d(level, w_bits, wrapper_bytes);
    return d.run(data, final);
}

}  // namespace gp::deflate
