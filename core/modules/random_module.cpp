// random_module.cpp — the `_random` module (C++): the Mersenne Twister
// generator behind `random`; and the `random` module (Python source,
// frozen at the end of this file): randrange, choice, shuffle, sample,
// gauss, ... built on it.
//
// Mirrors CPython 3.11's Modules/_randommodule.c, so that a seeded
// generator produces CPython's exact sequence: random.seed(1);
// random.random() is 0.13436424411240122 here too.
//
// MT19937 (Matsumoto & Nishimura, 1998) keeps 624 32-bit words of state.
// Every 624 outputs the whole state is "twisted" (each word mixed with the
// next and the one 397 further on); each output is one state word passed
// through a "tempering" bijection that spreads its bits. CPython's seeding
// is what makes the sequences match:
//
//   seed(n)   |n| is cut into 32-bit words, least significant first
//             ([0] for 0), and fed to init_by_array, the reference
//             initialisation from an array of keys;
//   random()  53 random bits from two outputs: (a >> 5) * 2**26 + (b >> 6),
//             divided by 2**53;
//   getrandbits(k)  k bits from ceil(k/32) outputs, least significant word
//             first, the last one shifted down to the bits still needed.
//
// str and bytes seeds are first turned into an int with SHA-512 by the
// Python half (random.Random.seed, version 2), for which this module
// provides _sha512.
#include <array>
#include <chrono>
#include <cstring>
#include <random>

#include "modules/modules.h"
#include "objects/abstract.h"
#include "objects/bytesobject.h"
#include "objects/dictobject.h"
#include "objects/floatobject.h"
#include "objects/funcobject.h"
#include "objects/longobject.h"
#include "objects/longobject_internal.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

// -------------------------------------------------------- the generator

constexpr int kN = 624;   // state words
constexpr int kM = 397;   // the twist's middle offset

struct RandomObject : Object {
    int index;                 // next state word to temper; kN = twist first
    uint32_t state[kN];        // the Mersenne Twister state
};

static void init_genrand(RandomObject* r, uint32_t s) {
    uint32_t* mt = r->state;
    mt[0] = s;
    for (int i = 1; i < kN; i++) mt[i] = 1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30)) + uint32_t(i);
    r->index = kN;
}

// The reference init_by_array: mixes every key word into the state twice
// over, so that nearby seeds give unrelated sequences.
static void init_by_array(RandomObject* r, const std::vector<uint32_t>& key) {
    uint32_t* mt = r->state;
    init_genrand(r, 19650218u);
    std::size_t i = 1, j = 0;
    for (std::size_t k = std::max<std::size_t>(kN, key.size()); k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + uint32_t(j);
        i++;
        j++;
        if (i >= kN) {
            mt[0] = mt[kN - 1];
            i = 1;
        }
        if (j >= key.size()) j = 0;
    }
    for (std::size_t k = kN - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - uint32_t(i);
        i++;
        if (i >= kN) {
            mt[0] = mt[kN - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000u;   // the most significant bit is 1: the state is never all zero
}

static uint32_t genrand_uint32(RandomObject* r) {
    static constexpr uint32_t kMag01[2] = {0x0u, 0x9908b0dfu};   // the twist matrix's last row, or 0
    constexpr uint32_t kUpper = 0x80000000u, kLower = 0x7fffffffu;
    uint32_t* mt = r->state;
    if (r->index >= kN) {   // twist: regenerate all 624 words
        int kk = 0;
        for (; kk < kN - kM; kk++) {
            uint32_t y = (mt[kk] & kUpper) | (mt[kk + 1] & kLower);
            mt[kk] = mt[kk + kM] ^ (y >> 1) ^ kMag01[y & 1];
        }
        for (; kk < kN - 1; kk++) {
            uint32_t y = (mt[kk] & kUpper) | (mt[kk + 1] & kLower);
            mt[kk] = mt[kk + (kM - kN)] ^ (y >> 1) ^ kMag01[y & 1];
        }
        uint32_t y = (mt[kN - 1] & kUpper) | (mt[0] & kLower);
        mt[kN - 1] = mt[kM - 1] ^ (y >> 1) ^ kMag01[y & 1];
        r->index = 0;
    }
    uint32_t y = mt[r->index++];
    // Tempering.
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= (y >> 18);
    return y;
}

static RandomObject* as_random(Object* o) { return static_cast<RandomObject*>(o); }

// ------------------------------------------------------------- seeding

// seed(None): 624 words from the system's entropy source (CPython uses
// os.urandom), falling back to the clock.
static void seed_from_entropy(RandomObject* r) {
    std::vector<uint32_t> key(kN);
    std::random_device rd;
    for (auto& k : key) k = rd();
    key[0] ^= uint32_t(std::chrono::high_resolution_clock::now().time_since_epoch().count());
    init_by_array(r, key);
}

// The 32-bit words of |n|, least significant first ([0] for 0).
static bool int_to_key(ThreadState* ts, Object* n, std::vector<uint32_t>* key) {
    Ref<> a = number_absolute(ts, n);
    if (!a) return false;
    Ref<> mask = int_from_u64(ts, 0xffffffffu);
    Ref<> shift = int_from_i64(ts, 32);
    if (!mask || !shift) return false;
    Ref<> cur = std::move(a);
    do {
        Ref<> word = number_binary_op(ts, cur.get(), mask.get(), NB_AND);
        int64_t w;
        if (!word || !int_as_i64(word.get(), &w)) return false;
        key->push_back(uint32_t(w));
        cur = number_binary_op(ts, cur.get(), shift.get(), NB_RSHIFT);
        if (!cur) return false;
    } while (int_sign(cur.get()) != 0);
    return true;
}

// random_seed: None, an int (its absolute value), or anything hashable
// (its hash) — the Python half has already turned str/bytes into ints.
static bool random_seed_impl(ThreadState* ts, RandomObject* r, Object* arg) {
    if (!arg || arg == ts->interp->None) {
        seed_from_entropy(r);
        return true;
    }
    Ref<> n;
    if (is_int(arg)) {
        n = newref(arg);
    } else {
        int64_t h = object_hash(ts, arg);
        if (h == -1 && error_occurred(ts)) return false;
        n = int_from_i64(ts, h);
        if (!n) return false;
    }
    std::vector<uint32_t> key;
    if (!int_to_key(ts, n.get(), &key)) return false;
    init_by_array(r, key);
    return true;
}

// ------------------------------------------------------------- the type

static Ref<> random_new(ThreadState* ts, TypeObject* type, Object* const* args, isize nargs, TupleObject* kw) {
    Interpreter& interp = *ts->interp;
    if (type->tp_name == "_random.Random" && !check_no_kwargs(ts, "Random", kw)) return nullptr;
    if (nargs > 1) return raise(ts, interp.exc.TypeError, "Random() expected at most 1 argument, got " + std::to_string(nargs));
    auto* r = static_cast<RandomObject*>(object_alloc(ts, type, 0));
    if (!r) return nullptr;
    r->index = kN;
    return Ref<>::steal(r);
}

static int random_init(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (nargs > 1) {
        raise(ts, ts->interp->exc.TypeError, "Random() expected at most 1 argument, got " + std::to_string(nargs));
        return -1;
    }
    return random_seed_impl(ts, as_random(self), nargs ? args[0] : nullptr) ? 0 : -1;
}

static void random_dealloc(Object* op) { object_free(op); }

static Ref<> random_random(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "random", kw) || !check_nargs(ts, "random", nargs, 0, 0)) return nullptr;
    RandomObject* r = as_random(self);
    uint32_t a = genrand_uint32(r) >> 5, b = genrand_uint32(r) >> 6;
    return float_from_double(ts, (a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

static Ref<> random_seed(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "seed", kw) || !check_nargs(ts, "seed", nargs, 0, 1)) return nullptr;
    if (!random_seed_impl(ts, as_random(self), nargs ? args[0] : nullptr)) return nullptr;
    return newref(ts->interp->None);
}

static Ref<> random_getrandbits(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    Interpreter& interp = *ts->interp;
    if (!check_no_kwargs(ts, "getrandbits", kw) || !check_nargs(ts, "getrandbits", nargs, 1, 1)) return nullptr;
    isize k;
    if (!index_as_isize(ts, args[0], &k)) return nullptr;
    if (k < 0) return raise(ts, interp.exc.ValueError, "number of bits must be non-negative");
    RandomObject* r = as_random(self);
    if (k == 0) return int_from_i64(ts, 0);
    if (k <= 32) return int_from_u64(ts, genrand_uint32(r) >> (32 - k));
    // Fill 32-bit words, least significant first; the last takes only the
    // bits still needed from the top of its output.
    Ref<> result = int_from_i64(ts, 0);
    for (isize i = 0; result && k > 0; i++, k -= 32) {
        uint32_t w = genrand_uint32(r);
        if (k < 32) w >>= (32 - k);
        Ref<> word = int_from_u64(ts, w);
        Ref<> shifted = word ? int_lshift_bits(ts, as_int(word.get()), int64_t(i) * 32) : nullptr;
        result = shifted ? number_binary_op(ts, result.get(), shifted.get(), NB_OR) : nullptr;
    }
    return result;
}

// getstate(): the 624 words and the index, as a 625-tuple of ints.
static Ref<> random_getstate(ThreadState* ts, Object* self, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "getstate", kw) || !check_nargs(ts, "getstate", nargs, 0, 0)) return nullptr;
    RandomObject* r = as_random(self);
    Ref<TupleObject> t = tuple_new(ts, kN + 1);
    if (!t) return nullptr;
    for (int i = 0; i < kN; i++) {
        Ref<> v = int_from_u64(ts, r->state[i]);
        if (!v) return nullptr;
        t->ob_item[i] = v.release();
    }
    Ref<> idx = int_from_i64(ts, r->index);
    if (!idx) return nullptr;
    t->ob_item[kN] = idx.release();
    return t;
}

static Ref<> random_setstate(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    Interpreter& interp = *ts->interp;
    if (!check_no_kwargs(ts, "setstate", kw) || !check_nargs(ts, "setstate", nargs, 1, 1)) return nullptr;
    if (!is_tuple(args[0])) return raise(ts, interp.exc.TypeError, "state vector must be a tuple");
    auto* t = as_tuple(args[0]);
    if (t->ob_size != kN + 1) return raise(ts, interp.exc.ValueError, "state vector is the wrong size");
    std::array<uint32_t, kN> words;
    for (int i = 0; i < kN; i++) {
        int64_t v;
        if (!is_int(t->ob_item[i]) || !int_as_i64(t->ob_item[i], &v) || v < 0 || v > 0xffffffffLL)
            return raise(ts, interp.exc.OverflowError, "Python int too large to convert to C unsigned long");
        words[std::size_t(i)] = uint32_t(v);
    }
    int64_t index;
    if (!is_int(t->ob_item[kN]) || !int_as_i64(t->ob_item[kN], &index))
        return raise(ts, interp.exc.TypeError, "an integer is required");
    if (index < 0 || index > kN) return raise(ts, interp.exc.ValueError, "invalid state");
    RandomObject* r = as_random(self);
    std::memcpy(r->state, words.data(), sizeof r->state);
    r->index = int(index);
    return newref(interp.None);
}

static const MethodDef random_methods[] = {
    {"random", random_random, 0, "random() -> x in the interval [0, 1)."},
    {"seed", random_seed, 0, "seed([n]) -> None.\n\nDefaults to use urandom and falls back to a combination\nof the current time and the process identifier."},
    {"getstate", random_getstate, 0, "getstate() -> tuple containing the current state."},
    {"setstate", random_setstate, 0, "setstate(state) -> None.  Restores generator state."},
    {"getrandbits", random_getrandbits, 0, "getrandbits(k) -> x.  Generates an int with k random bits."},
    {nullptr, nullptr, 0, nullptr},
};

// ------------------------------------------------------------- SHA-512

// FIPS 180-4 SHA-512, for seeding from str/bytes as CPython does
// (random.seed(a, version=2) hashes with hashlib.sha512).
static std::array<uint8_t, 64> sha512(std::string_view data) {
    static const uint64_t K[80] = {
        0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
        0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
        0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
        0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
        0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
        0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
        0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
        0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
        0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
        0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
        0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
        0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
        0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
        0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
        0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
        0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
        0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
        0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
        0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
        0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL};
    uint64_t h[8] = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
                     0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};
    auto rotr = [](uint64_t x, int n) { return (x >> n) | (x << (64 - n)); };
    // Padding: 0x80, zeros, then the bit length as a 128-bit big-endian number.
    std::string msg(data);
    uint64_t bits = uint64_t(data.size()) * 8;
    msg.push_back(char(0x80));
    while (msg.size() % 128 != 112) msg.push_back('\0');
    for (int i = 0; i < 8; i++) msg.push_back('\0');
    for (int i = 7; i >= 0; i--) msg.push_back(char((bits >> (i * 8)) & 0xff));
    for (std::size_t off = 0; off < msg.size(); off += 128) {
        uint64_t w[80];
        for (int t = 0; t < 16; t++) {
            uint64_t v = 0;
            for (int b = 0; b < 8; b++) v = (v << 8) | uint8_t(msg[off + std::size_t(t * 8 + b)]);
            w[t] = v;
        }
        for (int t = 16; t < 80; t++) {
            uint64_t s0 = rotr(w[t - 15], 1) ^ rotr(w[t - 15], 8) ^ (w[t - 15] >> 7);
            uint64_t s1 = rotr(w[t - 2], 19) ^ rotr(w[t - 2], 61) ^ (w[t - 2] >> 6);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
        for (int t = 0; t < 80; t++) {
            uint64_t S1 = rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41);
            uint64_t ch = (e & f) ^ (~e & g);
            uint64_t t1 = hh + S1 + ch + K[t] + w[t];
            uint64_t S0 = rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39);
            uint64_t maj = (a & b) ^ (a & c) ^ (b & c);
            uint64_t t2 = S0 + maj;
            hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
        }
        h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
    }
    std::array<uint8_t, 64> out{};
    for (int i = 0; i < 8; i++)
        for (int b = 0; b < 8; b++) out[std::size_t(i * 8 + b)] = uint8_t(h[i] >> (56 - 8 * b));
    return out;
}

// _sha512(data: bytes) -> bytes: the digest.
static Ref<> random_sha512(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "_sha512", kw) || !check_nargs(ts, "_sha512", nargs, 1, 1)) return nullptr;
    if (!is_bytes(args[0]))
        return raise(ts, ts->interp->exc.TypeError, std::string("a bytes object is required, not '") + type_name(args[0]) + "'");
    std::array<uint8_t, 64> d = sha512(bytes_view(args[0]));
    return bytes_from_string(ts, std::string_view(reinterpret_cast<const char*>(d.data()), d.size()));
}

static const MethodDef module_methods[] = {
    {"_sha512", random_sha512, 0, "_sha512(data) -> bytes: the SHA-512 digest (for seeding from str/bytes)."},
    {nullptr, nullptr, 0, nullptr},
};

Ref<ModuleObject> make_random_c_module(ThreadState* ts) {
    Interpreter& interp = *ts->interp;
    Ref<ModuleObject> m = module_new(ts, "_random");
    if (!m || !module_add_functions(ts, m.get(), module_methods)) return nullptr;
    TypeObject* t = type_new_builtin(interp, "_random.Random", sizeof(RandomObject), 0, interp.types.object,
                                     TPFLAGS_BASETYPE);
    if (!t) return raise_no_memory(ts);
    Ref<TypeObject> type = Ref<TypeObject>::steal(t);
    t->tp_new = random_new;
    t->tp_init = random_init;
    t->tp_dealloc = random_dealloc;
    t->tp_methods = random_methods;
    t->tp_doc = "Random() -> create a random number generator with its own internal state.";
    Ref<DictObject> d = dict_new(ts);
    if (!d) return nullptr;
    t->tp_dict = d.release();
    if (!type_ready(ts, t) || !module_add_object(ts, m.get(), "Random", t)) return nullptr;
    return m;
}

// ============================================ the Python half (frozen source)
//
// The `random` module itself, frozen into the interpreter as source (see
// frozen.h); its docstring explains the Python half.

extern const char kRandomModuleSource[];
const char kRandomModuleSource[] = R"py("""Random variable generators, on top of _random's Mersenne Twister.

Every method reduces to two primitives of the generator: random() (a float
in [0, 1) with 53 random bits) and getrandbits(k). The integer methods
never scale a float (that would favour some results): _randbelow(n)
draws k = n.bit_length() bits and retries until the value is below n.
The algorithms and their order of calls are CPython 3.11's
(Lib/random.py), so a seeded generator gives CPython's exact results for
randrange, choice, shuffle, sample, gauss, ...
"""

from math import log as _log, exp as _exp, pi as _pi, e as _e, ceil as _ceil
from math import sqrt as _sqrt, acos as _acos, cos as _cos, sin as _sin
from math import tau as TWOPI, floor as _floor, isfinite as _isfinite
from operator import index as _index
from itertools import accumulate as _accumulate, repeat as _repeat
from bisect import bisect as _bisect
import _random

__all__ = ["Random", "SystemRandom", "betavariate", "choice", "choices", "expovariate",
           "gammavariate", "gauss", "getrandbits", "getstate", "lognormvariate",
           "normalvariate", "paretovariate", "randbytes", "randint", "random", "randrange",
           "sample", "seed", "setstate", "shuffle", "triangular", "uniform",
           "vonmisesvariate", "weibullvariate"]

NV_MAGICCONST = 4 * _exp(-0.5) / _sqrt(2.0)
LOG4 = _log(4.0)
SG_MAGICCONST = 1.0 + _log(4.5)
BPF = 53        # Number of bits in a float
RECIP_BPF = 2 ** -BPF


def _is_sequence(population):
    # collections.abc.Sequence, with the common cases first.
    if isinstance(population, (list, tuple, str, range)):
        return True
    from collections.abc import Sequence
    return isinstance(population, Sequence)


class Random(_random.Random):
    """Random number generator base class used by bound module functions.

    Used to instantiate instances of Random to get generators that don't
    share state. Subclasses may override random(), seed(), getstate() and
    setstate()."""

    VERSION = 3

    def __init__(self, x=None):
        """Initialize an instance. Optional argument x controls seeding, as for Random.seed()."""
        self.seed(x)
        self.gauss_next = None

    def seed(self, a=None, version=2):
        """Initialize internal state from a seed.

        None or no argument seeds from current time or from an operating
        system specific randomness source if available. With version 2
        (the default), a str, bytes, or bytearray object gets converted to
        an int and all of its bits are used."""
        if version == 1 and isinstance(a, (str, bytes)):
            a = a.decode("latin-1") if isinstance(a, bytes) else a
            x = ord(a[0]) << 7 if a else 0
            for c in map(ord, a):
                x = ((1000003 * x) ^ c) & 0xFFFFFFFFFFFFFFFF
            x ^= len(a)
            a = -2 if x == -1 else x
        elif version == 2 and isinstance(a, (str, bytes, bytearray)):
            if isinstance(a, str):
                a = a.encode()
            a = bytes(a)
            a = int.from_bytes(a + _random._sha512(a), "big")
        elif not isinstance(a, (type(None), int, float, str, bytes, bytearray)):
            raise TypeError("The only supported seed types are: None,\n"
                            "int, float, str, bytes, and bytearray.")
        super().seed(a)
        self.gauss_next = None

    def getstate(self):
        """Return internal state; can be passed to setstate() later."""
        return self.VERSION, super().getstate(), self.gauss_next

    def setstate(self, state):
        """Restore internal state from object returned by getstate()."""
        version = state[0]
        if version == 3:
            version, internalstate, self.gauss_next = state
            super().setstate(internalstate)
        elif version == 2:
            version, internalstate, self.gauss_next = state
            try:
                internalstate = tuple(x % (2 ** 32) for x in internalstate)
            except ValueError as e:
                raise TypeError from e
            super().setstate(internalstate)
        else:
            raise ValueError(f"state with version {version} passed to Random.setstate() "
                             f"of version {self.VERSION}")

    def __reduce__(self):
        return self.__class__, (), self.getstate()

    def __init_subclass__(cls, /, **kwargs):
        """A subclass that overrides random() but not getrandbits() gets a
        _randbelow that only uses random()."""
        for c in cls.__mro__:
            if "_randbelow" in c.__dict__:
                break
            if "getrandbits" in c.__dict__:
                cls._randbelow = cls._randbelow_with_getrandbits
                break
            if "random" in c.__dict__:
                cls._randbelow = cls._randbelow_without_getrandbits
                break

    # ------------------------------------------------------ integers

    def _randbelow_with_getrandbits(self, n):
        "Return a random int in the range [0,n).  Defined for n > 0."
        getrandbits = self.getrandbits
        k = n.bit_length()
        r = getrandbits(k)   # 0 <= r < 2**k
        while r >= n:
            r = getrandbits(k)
        return r

    def _randbelow_without_getrandbits(self, n, maxsize=1 << BPF):
        """Return a random int in the range [0,n).  Defined for n > 0.

        The implementation does not use getrandbits, but only random."""
        random = self.random
        if n >= maxsize:
            return _floor(random() * n)
        rem = maxsize % n
        limit = (maxsize - rem) / maxsize
        r = random()
        while r >= limit:
            r = random()
        return _floor(r * maxsize) % n

    _randbelow = _randbelow_with_getrandbits

    def randbytes(self, n):
        """Generate n random bytes."""
        return self.getrandbits(n * 8).to_bytes(n, "little")

    def _as_index(self, value, which):
        # Integers, or (deprecated in 3.10, still accepted by 3.11) integral floats.
        try:
            return _index(value)
        except TypeError:
            as_int = int(value)
            if as_int != value:
                raise ValueError(f"non-integer {which} for randrange()")
            return as_int

    def randrange(self, start, stop=None, step=1):
        """Choose a random item from range(start, stop[, step]).

        This fixes the problem with randint() which includes the
        endpoint; in Python this is usually not what you want."""
        istart = self._as_index(start, "arg 1")
        if stop is None:
            if step != 1:
                raise TypeError("Missing a non-None stop argument")
            if istart > 0:
                return self._randbelow(istart)
            raise ValueError("empty range for randrange()")
        istop = self._as_index(stop, "stop")
        width = istop - istart
        istep = self._as_index(step, "step")
        if istep == 1:
            if width > 0:
                return istart + self._randbelow(width)
            raise ValueError(f"empty range for randrange() ({istart}, {istop}, {width})")
        if istep > 0:
            n = (width + istep - 1) // istep
        elif istep < 0:
            n = (width + istep + 1) // istep
        else:
            raise ValueError("zero step for randrange()")
        if n <= 0:
            raise ValueError("empty range for randrange()")
        return istart + istep * self._randbelow(n)

    def randint(self, a, b):
        """Return random integer in range [a, b], including both end points."""
        return self.randrange(a, b + 1)

    # ------------------------------------------------------ sequences

    def choice(self, seq):
        """Choose a random element from a non-empty sequence."""
        if not len(seq):
            raise IndexError("Cannot choose from an empty sequence")
        return seq[self._randbelow(len(seq))]

    def shuffle(self, x):
        """Shuffle list x in place, and return None (Fisher-Yates, from the end)."""
        randbelow = self._randbelow
        for i in reversed(range(1, len(x))):
            j = randbelow(i + 1)   # pick an element in x[:i+1] to swap with x[i]
            x[i], x[j] = x[j], x[i]

    def sample(self, population, k, *, counts=None):
        """Chooses k unique random elements from a population sequence.

        Returns a new list containing elements from the population while
        leaving the original population unchanged."""
        if not _is_sequence(population):
            raise TypeError("Population must be a sequence.  For dicts or sets, use sorted(d).")
        n = len(population)
        if counts is not None:
            cum_counts = list(_accumulate(counts))
            if len(cum_counts) != n:
                raise ValueError("The number of counts does not match the population")
            total = cum_counts.pop()
            if not isinstance(total, int):
                raise TypeError("Counts must be integers")
            if total <= 0:
                raise ValueError("Total of counts must be greater than zero")
            selections = self.sample(range(total), k=k)
            return [population[_bisect(cum_counts, s)] for s in selections]
        randbelow = self._randbelow
        if not 0 <= k <= n:
            raise ValueError("Sample larger than population or is negative")
        result = [None] * k
        # Two strategies, chosen by which takes less memory: a copy of the
        # population to draw from without replacement, or a set of the
        # indices already drawn.
        setsize = 21
        if k > 5:
            setsize += 4 ** _ceil(_log(k * 3, 4))
        if n <= setsize:
            pool = list(population)
            for i in range(k):
                j = randbelow(n - i)
                result[i] = pool[j]
                pool[j] = pool[n - i - 1]   # the last unchosen item fills the hole
        else:
            selected = set()
            for i in range(k):
                j = randbelow(n)
                while j in selected:
                    j = randbelow(n)
                selected.add(j)
                result[i] = population[j]
        return result

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        """Return a k sized list of population elements chosen with replacement.

        If the relative weights or cumulative weights are not specified,
        the selections are made with equal probability."""
        random = self.random
        n = len(population)
        if cum_weights is None:
            if weights is None:
                n += 0.0
                return [population[_floor(random() * n)] for i in _repeat(None, k)]
            try:
                cum_weights = list(_accumulate(weights))
            except TypeError:
                if not isinstance(weights, int):
                    raise
                k = weights
                raise TypeError(f"The number of choices must be a keyword argument: {k=}") from None
        elif weights is not None:
            raise TypeError("Cannot specify both weights and cumulative weights")
        if len(cum_weights) != n:
            raise ValueError("The number of weights does not match the population")
        total = cum_weights[-1] + 0.0
        if total <= 0.0:
            raise ValueError("Total of weights must be greater than zero")
        if not _isfinite(total):
            raise ValueError("Total of weights must be finite")
        hi = n - 1
        return [population[_bisect(cum_weights, random() * total, 0, hi)] for i in _repeat(None, k)]

    # ------------------------------------------------------ distributions

    def uniform(self, a, b):
        "Get a random number in the range [a, b) or [a, b] depending on rounding."
        return a + (b - a) * self.random()

    def triangular(self, low=0.0, high=1.0, mode=None):
        """Triangular distribution: continuous between low and high, peaking at mode."""
        u = self.random()
        try:
            c = 0.5 if mode is None else (mode - low) / (high - low)
        except ZeroDivisionError:
            return low
        if u > c:
            u = 1.0 - u
            c = 1.0 - c
            low, high = high, low
        return low + (high - low) * _sqrt(u * c)

    def normalvariate(self, mu=0.0, sigma=1.0):
        """Normal distribution (Kinderman and Monahan's ratio-of-uniforms method)."""
        random = self.random
        while True:
            u1 = random()
            u2 = 1.0 - random()
            z = NV_MAGICCONST * (u1 - 0.5) / u2
            zz = z * z / 4.0
            if zz <= -_log(u2):
                break
        return mu + z * sigma

    def gauss(self, mu=0.0, sigma=1.0):
        """Gaussian distribution (Box-Muller: values come in pairs; the
        second is kept in gauss_next for the next call)."""
        random = self.random
        z = self.gauss_next
        self.gauss_next = None
        if z is None:
            x2pi = random() * TWOPI
            g2rad = _sqrt(-2.0 * _log(1.0 - random()))
            z = _cos(x2pi) * g2rad
            self.gauss_next = _sin(x2pi) * g2rad
        return mu + z * sigma

    def lognormvariate(self, mu, sigma):
        """Log normal distribution."""
        return _exp(self.normalvariate(mu, sigma))

    def expovariate(self, lambd):
        """Exponential distribution with rate lambd (1.0 divided by the desired mean)."""
        return -_log(1.0 - self.random()) / lambd

    def vonmisesvariate(self, mu, kappa):
        """Circular data distribution: mu is the mean angle, kappa the concentration."""
        random = self.random
        if kappa <= 1e-6:
            return TWOPI * random()
        s = 0.5 / kappa
        r = s + _sqrt(1.0 + s * s)
        while True:
            u1 = random()
            z = _cos(_pi * u1)
            d = z / (r + z)
            u2 = random()
            if u2 < 1.0 - d * d or u2 <= (1.0 - d) * _exp(d):
                break
        q = 1.0 / r
        f = (q + z) / (1.0 + q * z)
        u3 = random()
        if u3 > 0.5:
            theta = (mu + _acos(f)) % TWOPI
        else:
            theta = (mu - _acos(f)) % TWOPI
        return theta

    def gammavariate(self, alpha, beta):
        """Gamma distribution.  Not the gamma function!"""
        if alpha <= 0.0 or beta <= 0.0:
            raise ValueError("gammavariate: alpha and beta must be > 0.0")
        random = self.random
        if alpha > 1.0:
            # Cheng's rejection method (1977).
            ainv = _sqrt(2.0 * alpha - 1.0)
            bbb = alpha - LOG4
            ccc = alpha + ainv
            while True:
                u1 = random()
                if not 1e-7 < u1 < 0.9999999:
                    continue
                u2 = 1.0 - random()
                v = _log(u1 / (1.0 - u1)) / ainv
                x = alpha * _exp(v)
                z = u1 * u1 * u2
                r = bbb + ccc * v - x
                if r + SG_MAGICCONST - 4.5 * z >= 0.0 or r >= _log(z):
                    return x * beta
        elif alpha == 1.0:
            return -_log(1.0 - random()) * beta
        else:
            # Ahrens and Dieter's method ALGORITHM GS for alpha < 1.
            while True:
                u = random()
                b = (_e + alpha) / _e
                p = b * u
                if p <= 1.0:
                    x = p ** (1.0 / alpha)
                else:
                    x = -_log((b - p) / alpha)
                u1 = random()
                if p > 1.0:
                    if u1 <= x ** (alpha - 1.0):
                        break
                elif u1 <= _exp(-x):
                    break
            return x * beta

    def betavariate(self, alpha, beta):
        """Beta distribution (from two gamma variates)."""
        y = self.gammavariate(alpha, 1.0)
        if y:
            return y / (y + self.gammavariate(beta, 1.0))
        return 0.0

    def paretovariate(self, alpha):
        """Pareto distribution.  alpha is the shape parameter."""
        u = 1.0 - self.random()
        return u ** (-1.0 / alpha)

    def weibullvariate(self, alpha, beta):
        """Weibull distribution: alpha is the scale parameter and beta the shape."""
        u = 1.0 - self.random()
        return alpha * (-_log(u)) ** (1.0 / beta)


class SystemRandom(Random):
    """Alternate random number generator using the operating system's
    entropy source (os.urandom). Not available on all systems; state
    functions are not available."""

    def random(self):
        """Get the next random number in the range [0.0, 1.0)."""
        from os import urandom
        return (int.from_bytes(urandom(7), "big") >> 3) * RECIP_BPF

    def getrandbits(self, k):
        """getrandbits(k) -> x.  Generates an int with k random bits."""
        from os import urandom
        if k < 0:
            raise ValueError("number of bits must be non-negative")
        numbytes = (k + 7) // 8
        x = int.from_bytes(urandom(numbytes), "big")
        return x >> (numbytes * 8 - k)

    def randbytes(self, n):
        """Generate n random bytes."""
        from os import urandom
        return urandom(n)

    def seed(self, *args, **kwds):
        "Stub method.  Not used for a system random number generator."
        return None

    def _notimplemented(self, *args, **kwds):
        "Method should not be called for a system random number generator."
        raise NotImplementedError("System entropy source does not have state.")

    getstate = setstate = _notimplemented


# The module-level functions share one hidden instance.
_inst = Random()
seed = _inst.seed
random = _inst.random
uniform = _inst.uniform
triangular = _inst.triangular
randint = _inst.randint
choice = _inst.choice
randrange = _inst.randrange
sample = _inst.sample
shuffle = _inst.shuffle
choices = _inst.choices
normalvariate = _inst.normalvariate
lognormvariate = _inst.lognormvariate
expovariate = _inst.expovariate
vonmisesvariate = _inst.vonmisesvariate
gammavariate = _inst.gammavariate
gauss = _inst.gauss
betavariate = _inst.betavariate
paretovariate = _inst.paretovariate
weibullvariate = _inst.weibullvariate
getstate = _inst.getstate
setstate = _inst.setstate
getrandbits = _inst.getrandbits
randbytes = _inst.randbytes
)py";

}  // namespace gp
