// longobject_arith.cpp — arbitrary-precision arithmetic on 30-bit digits.
//
// Mirrors the algorithm half of CPython 3.11's Objects/longobject.c. An int's
// magnitude is an array of base-2**30 digits, least significant first; the
// sign lives in ob_size. Every algorithm here works on magnitudes ("x_add",
// "x_sub", "x_mul", "x_divrem") and the signed operations are thin wrappers
// that pick the right magnitude operation and fix the sign afterwards —
// exactly CPython's structure, so the two files can be read side by side.
//
// Why 30-bit digits? Two digits multiplied plus a carry fit in 64 bits
// (2**60 + 2**34 < 2**64), so the inner loops need nothing wider than
// uint64_t — no __int128 — which keeps wasm32 and native identical.
//
//   schoolbook x_mul   O(n*m)   for short operands
//   Karatsuba k_mul    O(n**1.585) once both operands pass kKaratsubaCutoff digits
//   Knuth's Algorithm D (TAOCP 4.3.1) for division: x_divrem
//   left-to-right binary exponentiation for pow, with a modular inverse
//   (extended Euclid) for pow(b, -e, m)
//
// Small values take a fast path through int64_t arithmetic, as CPython's
// "medium value" paths do.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "objects/longobject_internal.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

using sdigit = int32_t;
constexpr twodigits kBase = twodigits(1) << kDigitBits;   // PyLong_BASE
constexpr isize kKaratsubaCutoff = 70;                     // CPython's KARATSUBA_CUTOFF

static int bit_length_digit(digit x) {
    int n = 0;
    while (x) { ++n; x >>= 1; }
    return n;
}

// Values of at most two digits fit comfortably in int64_t (|v| < 2**60).
static bool is_medium(const IntObject* v) { return int_ndigits(v) <= 2; }
static int64_t medium_value(const IntObject* v) {
    isize n = int_ndigits(v);
    int64_t m = 0;
    if (n >= 1) m = v->ob_digit[0];
    if (n == 2) m |= int64_t(v->ob_digit[1]) << kDigitBits;
    return v->ob_size < 0 ? -m : m;
}

// ------------------------------------------------------------ digit vectors

// x[0:m] += y[0:n] (m >= n); returns the carry out.
static digit v_iadd(digit* x, isize m, const digit* y, isize n) {
    digit carry = 0;
    isize i = 0;
    for (; i < n; ++i) {
        carry += x[i] + y[i];
        x[i] = carry & kDigitMask;
        carry >>= kDigitBits;
    }
    for (; carry && i < m; ++i) {
        carry += x[i];
        x[i] = carry & kDigitMask;
        carry >>= kDigitBits;
    }
    return carry;
}

// x[0:m] -= y[0:n] (m >= n); returns the borrow out.
static digit v_isub(digit* x, isize m, const digit* y, isize n) {
    digit borrow = 0;
    isize i = 0;
    for (; i < n; ++i) {
        borrow = x[i] - y[i] - borrow;
        x[i] = borrow & kDigitMask;
        borrow = (borrow >> kDigitBits) & 1;
    }
    for (; borrow && i < m; ++i) {
        borrow = x[i] - borrow;
        x[i] = borrow & kDigitMask;
        borrow = (borrow >> kDigitBits) & 1;
    }
    return borrow;
}

// z[0:m] = a[0:m] << d (0 <= d < 30); returns the bits shifted out the top.
static digit v_lshift(digit* z, const digit* a, isize m, int d) {
    digit carry = 0;
    for (isize i = 0; i < m; i++) {
        twodigits acc = (twodigits(a[i]) << d) | carry;
        z[i] = digit(acc) & kDigitMask;
        carry = digit(acc >> kDigitBits);
    }
    return carry;
}

// z[0:m] = a[0:m] >> d (0 <= d < 30); returns the bits shifted out the bottom.
static digit v_rshift(digit* z, const digit* a, isize m, int d) {
    digit carry = 0;
    digit mask = (digit(1) << d) - 1u;
    for (isize i = m; i-- > 0;) {
        twodigits acc = (twodigits(carry) << kDigitBits) | a[i];
        carry = digit(acc) & mask;
        z[i] = digit(acc >> d);
    }
    return carry;
}

// pout[0:size] = pin[0:size] / n; returns the remainder (CPython's inplace_divrem1).
static digit inplace_divrem1(digit* pout, const digit* pin, isize size, digit n) {
    twodigits rem = 0;
    pin += size;
    pout += size;
    while (--size >= 0) {
        rem = (rem << kDigitBits) | *--pin;
        digit hi = digit(rem / n);
        *--pout = hi;
        rem -= twodigits(hi) * n;
    }
    return digit(rem);
}

// ------------------------------------------------------------ small results

static Ref<> from_medium(ThreadState* ts, int64_t v) { return int_from_i64(ts, v); }

// ------------------------------------------------------------ add / subtract

// |a| + |b|.
static Ref<IntObject> x_add(ThreadState* ts, const IntObject* a, const IntObject* b) {
    isize size_a = int_ndigits(a), size_b = int_ndigits(b);
    if (size_a < size_b) { std::swap(a, b); std::swap(size_a, size_b); }
    Ref<IntObject> z = int_alloc(ts, size_a + 1);
    if (!z) return nullptr;
    digit carry = 0;
    isize i = 0;
    for (; i < size_b; ++i) {
        carry += a->ob_digit[i] + b->ob_digit[i];
        z->ob_digit[i] = carry & kDigitMask;
        carry >>= kDigitBits;
    }
    for (; i < size_a; ++i) {
        carry += a->ob_digit[i];
        z->ob_digit[i] = carry & kDigitMask;
        carry >>= kDigitBits;
    }
    z->ob_digit[i] = carry;
    int_strip(z.get());
    return z;
}

// |a| - |b|, signed.
static Ref<IntObject> x_sub(ThreadState* ts, const IntObject* a, const IntObject* b) {
    isize size_a = int_ndigits(a), size_b = int_ndigits(b);
    int sign = 1;
    if (size_a < size_b) {
        sign = -1;
        std::swap(a, b);
        std::swap(size_a, size_b);
    } else if (size_a == size_b) {
        // Find the highest digit where a and b differ.
        isize i = size_a;
        while (--i >= 0 && a->ob_digit[i] == b->ob_digit[i]) {}
        if (i < 0) return int_alloc(ts, 0);
        if (a->ob_digit[i] < b->ob_digit[i]) {
            sign = -1;
            std::swap(a, b);
        }
        size_a = size_b = i + 1;
    }
    Ref<IntObject> z = int_alloc(ts, size_a);
    if (!z) return nullptr;
    digit borrow = 0;
    isize i = 0;
    for (; i < size_b; ++i) {
        borrow = a->ob_digit[i] - b->ob_digit[i] - borrow;
        z->ob_digit[i] = borrow & kDigitMask;
        borrow = (borrow >> kDigitBits) & 1;
    }
    for (; i < size_a; ++i) {
        borrow = a->ob_digit[i] - borrow;
        z->ob_digit[i] = borrow & kDigitMask;
        borrow = (borrow >> kDigitBits) & 1;
    }
    if (sign < 0) z->ob_size = -z->ob_size;
    int_strip(z.get());
    return z;
}

static void negate_in_place(IntObject* z) { z->ob_size = -z->ob_size; }

Ref<> int_add(ThreadState* ts, IntObject* a, IntObject* b) {
    if (is_medium(a) && is_medium(b)) return from_medium(ts, medium_value(a) + medium_value(b));
    Ref<IntObject> z;
    if (a->ob_size < 0) {
        if (b->ob_size < 0) {
            z = x_add(ts, a, b);
            if (z) negate_in_place(z.get());
        } else {
            z = x_sub(ts, b, a);
        }
    } else {
        z = b->ob_size < 0 ? x_sub(ts, a, b) : x_add(ts, a, b);
    }
    if (!z) return nullptr;
    return int_finish(ts, std::move(z));
}

Ref<> int_sub(ThreadState* ts, IntObject* a, IntObject* b) {
    if (is_medium(a) && is_medium(b)) return from_medium(ts, medium_value(a) - medium_value(b));
    Ref<IntObject> z;
    if (a->ob_size < 0) {
        z = b->ob_size < 0 ? x_sub(ts, b, a) : x_add(ts, a, b);
        if (z && b->ob_size >= 0) negate_in_place(z.get());
    } else {
        z = b->ob_size < 0 ? x_add(ts, a, b) : x_sub(ts, a, b);
    }
    if (!z) return nullptr;
    return int_finish(ts, std::move(z));
}

Ref<> int_neg(ThreadState* ts, IntObject* a) {
    if (is_medium(a)) return from_medium(ts, -medium_value(a));
    isize n = int_ndigits(a);
    Ref<IntObject> z = int_alloc(ts, n);
    if (!z) return nullptr;
    std::memcpy(z->ob_digit, a->ob_digit, std::size_t(n) * sizeof(digit));
    z->ob_size = -a->ob_size;
    return int_finish(ts, std::move(z));
}

Ref<> int_abs(ThreadState* ts, IntObject* a) {
    if (a->ob_size < 0) return int_neg(ts, a);
    return int_exact(ts, a);
}

// ~a == -(a + 1)
Ref<> int_invert(ThreadState* ts, IntObject* a) {
    if (is_medium(a)) return from_medium(ts, ~medium_value(a));
    Ref<> one = int_small(ts, 1);
    Ref<> t = int_add(ts, a, as_int(one.get()));
    if (!t) return nullptr;
    return int_neg(ts, as_int(t.get()));
}

// ------------------------------------------------------------ multiply

// Schoolbook |a| * |b| (CPython's x_mul, without the squaring special case).
static Ref<IntObject> x_mul(ThreadState* ts, const IntObject* a, const IntObject* b) {
    isize size_a = int_ndigits(a), size_b = int_ndigits(b);
    Ref<IntObject> z = int_alloc(ts, size_a + size_b);
    if (!z) return nullptr;
    // Invariant of the inner loop: carry < 2**34 and *pz < 2**30, so
    // carry + *pz + b[j]*f < 2**64.
    for (isize i = 0; i < size_a; ++i) {
        twodigits carry = 0;
        twodigits f = a->ob_digit[i];
        digit* pz = z->ob_digit + i;
        for (isize j = 0; j < size_b; ++j) {
            carry += *pz + b->ob_digit[j] * f;
            *pz++ = digit(carry & kDigitMask);
            carry >>= kDigitBits;
        }
        if (carry) *pz += digit(carry & kDigitMask);
    }
    int_strip(z.get());
    return z;
}

// A non-negative int made of digits src[0:n] (a view copied into a new object).
static Ref<IntObject> digits_slice(ThreadState* ts, const digit* src, isize n) {
    while (n > 0 && src[n - 1] == 0) --n;
    Ref<IntObject> z = int_alloc(ts, n);
    if (!z) return nullptr;
    if (n) std::memcpy(z->ob_digit, src, std::size_t(n) * sizeof(digit));
    return z;
}

static Ref<IntObject> k_mul(ThreadState* ts, const IntObject* a, const IntObject* b);

// b is at least twice as long as a: multiply a by successive slices of b,
// each as long as a, so the Karatsuba splits stay balanced (k_lopsided_mul).
static Ref<IntObject> k_lopsided_mul(ThreadState* ts, const IntObject* a, const IntObject* b) {
    isize asize = int_ndigits(a), bsize = int_ndigits(b);
    Ref<IntObject> ret = int_alloc(ts, asize + bsize);
    if (!ret) return nullptr;
    isize nbdone = 0;
    while (bsize > 0) {
        isize nbtouse = std::min(bsize, asize);
        Ref<IntObject> bslice = digits_slice(ts, b->ob_digit + nbdone, nbtouse);
        if (!bslice) return nullptr;
        Ref<IntObject> product = k_mul(ts, a, bslice.get());
        if (!product) return nullptr;
        v_iadd(ret->ob_digit + nbdone, ret->ob_size - nbdone, product->ob_digit, int_ndigits(product.get()));
        bsize -= nbtouse;
        nbdone += nbtouse;
    }
    int_strip(ret.get());
    return ret;
}

// Karatsuba: with a = ah*B + al and b = bh*B + bl (B = base**shift),
//   a*b = ah*bh*B**2 + ((ah+al)*(bh+bl) - ah*bh - al*bl)*B + al*bl,
// three half-size multiplications instead of four. Magnitudes only.
static Ref<IntObject> k_mul(ThreadState* ts, const IntObject* a, const IntObject* b) {
    isize asize = int_ndigits(a), bsize = int_ndigits(b);
    if (asize > bsize) { std::swap(a, b); std::swap(asize, bsize); }
    if (asize <= kKaratsubaCutoff) {
        if (asize == 0) return int_alloc(ts, 0);
        return x_mul(ts, a, b);
    }
    if (2 * asize <= bsize) return k_lopsided_mul(ts, a, b);

    const isize shift = bsize >> 1;
    Ref<IntObject> ah = digits_slice(ts, a->ob_digit + shift, asize - shift);
    Ref<IntObject> al = digits_slice(ts, a->ob_digit, shift);
    Ref<IntObject> bh = digits_slice(ts, b->ob_digit + shift, bsize - shift);
    Ref<IntObject> bl = digits_slice(ts, b->ob_digit, shift);
    if (!ah || !al || !bh || !bl) return nullptr;
    Ref<IntObject> t1 = k_mul(ts, ah.get(), bh.get());   // ah*bh
    Ref<IntObject> t2 = k_mul(ts, al.get(), bl.get());   // al*bl
    if (!t1 || !t2) return nullptr;
    Ref<IntObject> sa = x_add(ts, ah.get(), al.get());
    Ref<IntObject> sb = x_add(ts, bh.get(), bl.get());
    if (!sa || !sb) return nullptr;
    Ref<IntObject> t3 = k_mul(ts, sa.get(), sb.get());   // (ah+al)*(bh+bl)
    if (!t3) return nullptr;

    // ret = t1 << 2*shift + (t3 - t1 - t2) << shift + t2, accumulated in place.
    Ref<IntObject> ret = int_alloc(ts, asize + bsize);
    if (!ret) return nullptr;
    const isize rsize = asize + bsize;
    isize n2 = int_ndigits(t2.get());
    std::memcpy(ret->ob_digit, t2->ob_digit, std::size_t(n2) * sizeof(digit));
    isize n1 = int_ndigits(t1.get());
    std::memcpy(ret->ob_digit + 2 * shift, t1->ob_digit, std::size_t(n1) * sizeof(digit));
    // t3 >= t1 + t2, so the middle term is non-negative and fits.
    v_isub(t3->ob_digit, int_ndigits(t3.get()), t1->ob_digit, n1);
    v_isub(t3->ob_digit, int_ndigits(t3.get()), t2->ob_digit, n2);
    int_strip(t3.get());
    v_iadd(ret->ob_digit + shift, rsize - shift, t3->ob_digit, int_ndigits(t3.get()));
    int_strip(ret.get());
    return ret;
}

Ref<> int_mul(ThreadState* ts, IntObject* a, IntObject* b) {
    if (int_ndigits(a) <= 1 && int_ndigits(b) <= 1)
        return from_medium(ts, medium_value(a) * medium_value(b));
    Ref<IntObject> z = k_mul(ts, a, b);
    if (!z) return nullptr;
    if ((a->ob_size < 0) != (b->ob_size < 0)) negate_in_place(z.get());
    return int_finish(ts, std::move(z));
}

// ------------------------------------------------------------ divide

// Knuth's Algorithm D: |v1| = q*|w1| + r for |v1| >= |w1| with at least two
// digits in w1. Returns q (magnitude) and sets *prem. (CPython's x_divrem;
// as there, the quotient-digit estimate may be PyLong_BASE+1 at most and is
// not special-cased.)
static Ref<IntObject> x_divrem(ThreadState* ts, const IntObject* v1, const IntObject* w1,
                               Ref<IntObject>* prem) {
    isize size_v = int_ndigits(v1), size_w = int_ndigits(w1);
    Ref<IntObject> v = int_alloc(ts, size_v + 1);
    Ref<IntObject> w = int_alloc(ts, size_w);
    if (!v || !w) return nullptr;

    // Normalize: shift w1 left so its top digit is >= base/2; v1 likewise.
    int d = kDigitBits - bit_length_digit(w1->ob_digit[size_w - 1]);
    v_lshift(w->ob_digit, w1->ob_digit, size_w, d);
    digit carry = v_lshift(v->ob_digit, v1->ob_digit, size_v, d);
    if (carry != 0 || v->ob_digit[size_v - 1] >= w->ob_digit[size_w - 1]) {
        v->ob_digit[size_v] = carry;
        size_v++;
    }

    // Now v[size_v-1] < w[size_w-1], so the quotient has k digits.
    isize k = size_v - size_w;
    Ref<IntObject> a = int_alloc(ts, k);
    if (!a) return nullptr;
    digit* v0 = v->ob_digit;
    const digit* w0 = w->ob_digit;
    digit wm1 = w0[size_w - 1];
    digit wm2 = w0[size_w - 2];
    digit* ak = a->ob_digit + k;
    for (digit* vk = v0 + k; vk-- > v0;) {
        // Divide vk[0:size_w+1] by w0[0:size_w], giving a one-digit q and
        // the remainder in vk[0:size_w].
        digit vtop = vk[size_w];
        twodigits vv = (twodigits(vtop) << kDigitBits) | vk[size_w - 1];
        digit q = digit(vv / wm1);
        digit r = digit(vv % wm1);
        while (twodigits(wm2) * q > ((twodigits(r) << kDigitBits) | vk[size_w - 2])) {
            --q;
            r += wm1;
            if (r >= kBase) break;
        }
        // vk[0:size_w+1] -= q * w0[0:size_w]
        sdigit zhi = 0;
        for (isize i = 0; i < size_w; ++i) {
            // invariants: -base <= -q <= zhi <= 0; -base*q <= z < base
            stwodigits z = stwodigits(sdigit(vk[i])) + zhi - stwodigits(q) * stwodigits(w0[i]);
            vk[i] = digit(z) & kDigitMask;
            zhi = sdigit(z >> kDigitBits);   // arithmetic shift (C++20)
        }
        // Add w back if q was one too large (rare).
        if (sdigit(vtop) + zhi < 0) {
            digit c = 0;
            for (isize i = 0; i < size_w; ++i) {
                c += vk[i] + w0[i];
                vk[i] = c & kDigitMask;
                c >>= kDigitBits;
            }
            --q;
        }
        *--ak = q;
    }
    // Unshift the remainder into w.
    v_rshift(w->ob_digit, v0, size_w, d);
    int_strip(w.get());
    int_strip(a.get());
    *prem = std::move(w);
    return a;
}

// Truncated division of magnitudes with signs fixed as C does: a = b*q + r,
// q has the sign of a*b, r the sign of a (CPython's long_divrem).
static bool long_divrem(ThreadState* ts, const IntObject* a, const IntObject* b, Ref<IntObject>* pq,
                        Ref<IntObject>* pr) {
    isize size_a = int_ndigits(a), size_b = int_ndigits(b);
    Ref<IntObject> q, r;
    if (size_a < size_b || (size_a == size_b && a->ob_digit[size_a - 1] < b->ob_digit[size_b - 1])) {
        // |a| < |b|
        q = int_alloc(ts, 0);
        r = digits_slice(ts, a->ob_digit, size_a);
        if (!q || !r) return false;
    } else if (size_b == 1) {
        q = int_alloc(ts, size_a);
        if (!q) return false;
        digit rem = inplace_divrem1(q->ob_digit, a->ob_digit, size_a, b->ob_digit[0]);
        int_strip(q.get());
        r = int_alloc(ts, rem ? 1 : 0);
        if (!r) return false;
        if (rem) r->ob_digit[0] = rem;
    } else {
        q = x_divrem(ts, a, b, &r);
        if (!q) return false;
    }
    if ((a->ob_size < 0) != (b->ob_size < 0)) negate_in_place(q.get());
    if (a->ob_size < 0) negate_in_place(r.get());
    *pq = std::move(q);
    *pr = std::move(r);
    return true;
}

// Floor of a / b as int64 with Python's sign rule (b != 0).
static int64_t floor_div64(int64_t a, int64_t b) {
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

bool int_divmod(ThreadState* ts, IntObject* a, IntObject* b, Ref<>* div, Ref<>* mod, const char* zero_msg) {
    if (b->ob_size == 0) {
        raise(ts, ts->interp->exc.ZeroDivisionError, zero_msg);
        return false;
    }
    if (is_medium(a) && is_medium(b)) {
        int64_t x = medium_value(a), y = medium_value(b);
        int64_t q = floor_div64(x, y);
        if (div) { *div = from_medium(ts, q); if (!*div) return false; }
        if (mod) { *mod = from_medium(ts, x - q * y); if (!*mod) return false; }
        return true;
    }
    Ref<IntObject> q, r;
    if (!long_divrem(ts, a, b, &q, &r)) return false;
    // Truncation rounded toward zero; floor needs one step down when the
    // remainder's sign differs from the divisor's.
    Ref<> qq = int_finish(ts, std::move(q));
    Ref<> rr = int_finish(ts, std::move(r));
    if (!qq || !rr) return false;
    if ((as_int(rr.get())->ob_size < 0 && b->ob_size > 0) || (as_int(rr.get())->ob_size > 0 && b->ob_size < 0)) {
        if (mod) {
            rr = int_add(ts, as_int(rr.get()), b);
            if (!rr) return false;
        }
        if (div) {
            Ref<> one = int_small(ts, 1);
            qq = int_sub(ts, as_int(qq.get()), as_int(one.get()));
            if (!qq) return false;
        }
    }
    if (div) *div = std::move(qq);
    if (mod) *mod = std::move(rr);
    return true;
}

bool int_divmod_near(ThreadState* ts, IntObject* a, IntObject* b, Ref<>* pq, Ref<>* pr) {
    // q, r = divmod(a, b); round q up when r/b > 1/2, or == 1/2 and q is odd.
    Ref<> q, r;
    if (!int_divmod(ts, a, b, &q, &r)) return false;
    Ref<> twice = int_lshift_bits(ts, as_int(r.get()), 1);
    if (!twice) return false;
    int cmp = int_compare(twice.get(), b);
    IntObject* qi = as_int(q.get());
    bool q_odd = qi->ob_size != 0 && (qi->ob_digit[0] & 1);
    bool greater = b->ob_size > 0 ? cmp > 0 : cmp < 0;
    if (greater || (cmp == 0 && q_odd)) {
        Ref<> one = int_small(ts, 1);
        q = int_add(ts, qi, as_int(one.get()));
        if (!q) return false;
        r = int_sub(ts, as_int(r.get()), b);
        if (!r) return false;
    }
    *pq = std::move(q);
    *pr = std::move(r);
    return true;
}

// ------------------------------------------------------------ true division

// a / b correctly rounded (CPython's long_true_divide, whose long comment
// explains the method): shift a so that the integer quotient a*2**-shift // b
// has DBL_MANT_DIG+2 or +3 bits, remember whether the division was inexact,
// round that to DBL_MANT_DIG bits by hand (half to even, with the inexact
// flag as a sticky bit), and scale by 2**shift — one rounding in total.
bool int_true_divide(ThreadState* ts, IntObject* a, IntObject* b, double* out) {
    constexpr int DBL_MANT = 53, DBL_MAX_E = 1024, DBL_MIN_E = -1021;
    constexpr isize kMantDigDigits = DBL_MANT / kDigitBits;   // 1
    constexpr int kMantDigBits = DBL_MANT % kDigitBits;       // 23
    Interpreter& interp = *ts->interp;
    isize a_size = int_ndigits(a), b_size = int_ndigits(b);
    bool negate = (a->ob_size < 0) != (b->ob_size < 0);
    if (b_size == 0) {
        raise(ts, interp.exc.ZeroDivisionError, "division by zero");
        return false;
    }
    if (a_size == 0) { *out = negate ? -0.0 : 0.0; return true; }

    // Fast path: both exactly representable, so one IEEE division rounds once.
    const digit* ad = a->ob_digit;   // (through pointers: the arrays are longer than declared)
    const digit* bd = b->ob_digit;
    bool a_small = a_size <= kMantDigDigits ||
                   (a_size == kMantDigDigits + 1 && (ad[a_size - 1] >> kMantDigBits) == 0);
    bool b_small = b_size <= kMantDigDigits ||
                   (b_size == kMantDigDigits + 1 && (bd[b_size - 1] >> kMantDigBits) == 0);
    if (a_small && b_small) {
        double da = a->ob_digit[--a_size];
        while (a_size > 0) da = da * double(kBase) + a->ob_digit[--a_size];
        double db = b->ob_digit[--b_size];
        while (b_size > 0) db = db * double(kBase) + b->ob_digit[--b_size];
        double r = da / db;
        *out = negate ? -r : r;
        return true;
    }

    auto overflow = [&]() {
        raise(ts, interp.exc.OverflowError, "integer division result too large for a float");
        return false;
    };
    auto zero = [&]() { *out = negate ? -0.0 : 0.0; return true; };

    // diff = a_bits - b_bits, with early exits for absurd sizes.
    isize diff = a_size - b_size;
    if (diff > PTRDIFF_MAX / kDigitBits - 1) return overflow();
    if (diff < 1 - PTRDIFF_MAX / kDigitBits) return zero();
    diff = diff * kDigitBits + bit_length_digit(a->ob_digit[a_size - 1]) -
           bit_length_digit(b->ob_digit[b_size - 1]);
    if (diff > DBL_MAX_E) return overflow();
    if (diff < DBL_MIN_E - DBL_MANT - 1) return zero();

    isize shift = std::max<isize>(diff, DBL_MIN_E) - DBL_MANT - 2;
    bool inexact = false;

    // x = |a| * 2**-shift
    Ref<IntObject> x;
    if (shift <= 0) {
        isize shift_digits = -shift / kDigitBits;
        x = int_alloc(ts, a_size + shift_digits + 1);
        if (!x) return false;
        digit rem = v_lshift(x->ob_digit + shift_digits, a->ob_digit, a_size, int(-shift % kDigitBits));
        x->ob_digit[a_size + shift_digits] = rem;
    } else {
        isize shift_digits = shift / kDigitBits;
        x = int_alloc(ts, a_size - shift_digits);
        if (!x) return false;
        digit rem = v_rshift(x->ob_digit, a->ob_digit + shift_digits, a_size - shift_digits,
                             int(shift % kDigitBits));
        if (rem) inexact = true;
        while (!inexact && shift_digits > 0)
            if (a->ob_digit[--shift_digits]) inexact = true;
    }
    int_strip(x.get());
    isize x_size = x->ob_size;

    // x //= |b|, noting a non-zero remainder.
    if (b_size == 1) {
        digit rem = inplace_divrem1(x->ob_digit, x->ob_digit, x_size, b->ob_digit[0]);
        int_strip(x.get());
        if (rem) inexact = true;
    } else {
        Ref<IntObject> rem;
        Ref<IntObject> q = x_divrem(ts, x.get(), b, &rem);
        if (!q) return false;
        if (rem->ob_size) inexact = true;
        x = std::move(q);
    }
    x_size = int_ndigits(x.get());
    isize x_bits = (x_size - 1) * kDigitBits + bit_length_digit(x->ob_digit[x_size - 1]);

    // Round away the extra 2 or 3 bits, half to even, by editing the low digit.
    isize extra_bits = std::max<isize>(x_bits, DBL_MIN_E - shift) - DBL_MANT;
    digit mask = digit(1) << (extra_bits - 1);
    digit low = x->ob_digit[0] | digit(inexact);
    if ((low & mask) && (low & (3u * mask - 1u))) low += mask;
    x->ob_digit[0] = low & ~(2u * mask - 1u);

    // Exact conversion to double, then scale.
    double dx = x->ob_digit[--x_size];
    while (x_size > 0) dx = dx * double(kBase) + x->ob_digit[--x_size];
    if (shift + x_bits >= DBL_MAX_E && (shift + x_bits > DBL_MAX_E || dx == std::ldexp(1.0, int(x_bits))))
        return overflow();
    double result = std::ldexp(dx, int(shift));
    *out = negate ? -result : result;
    return true;
}

// ------------------------------------------------------------ frexp

// |a| = m * 2**e, 0.5 <= m < 1, rounded half to even (CPython's _PyLong_Frexp).
// The top DBL_MANT_DIG+2 bits are gathered into a small digit array with a
// sticky bit for anything below; the correction table rounds those two extra
// bits away.
double int_frexp(const IntObject* a, int64_t* e) {
    constexpr int DBL_MANT = 53;
    static const int half_even_correction[8] = {0, -1, -2, 1, 0, -1, 2, 1};
    digit x_digits[2 + (DBL_MANT + 1) / kDigitBits] = {0};
    isize a_size = int_ndigits(a);
    if (a_size == 0) { *e = 0; return 0.0; }
    int64_t a_bits = int64_t(a_size - 1) * kDigitBits + bit_length_digit(a->ob_digit[a_size - 1]);
    isize x_size;
    if (a_bits <= DBL_MANT + 2) {
        isize shift_digits = isize((DBL_MANT + 2 - a_bits) / kDigitBits);
        int shift_bits = int((DBL_MANT + 2 - a_bits) % kDigitBits);
        x_size = shift_digits;
        digit rem = v_lshift(x_digits + x_size, a->ob_digit, a_size, shift_bits);
        x_size += a_size;
        x_digits[x_size++] = rem;
    } else {
        isize shift_digits = isize((a_bits - DBL_MANT - 2) / kDigitBits);
        int shift_bits = int((a_bits - DBL_MANT - 2) % kDigitBits);
        digit rem = v_rshift(x_digits, a->ob_digit + shift_digits, a_size - shift_digits, shift_bits);
        x_size = a_size - shift_digits;
        if (rem) {
            x_digits[0] |= 1;
        } else {
            while (shift_digits > 0)
                if (a->ob_digit[--shift_digits]) { x_digits[0] |= 1; break; }
        }
    }
    x_digits[0] = digit(int64_t(x_digits[0]) + half_even_correction[x_digits[0] & 7]);
    double dx = x_digits[--x_size];
    while (x_size > 0) dx = dx * double(kBase) + x_digits[--x_size];
    dx /= 4.0 * 9007199254740992.0;   // 2**(DBL_MANT_DIG + 2)
    if (dx == 1.0) { dx = 0.5; a_bits += 1; }
    *e = a_bits;
    return a->ob_size < 0 ? -dx : dx;
}

// ------------------------------------------------------------ shifts

// Splits a non-negative shift count into whole digits and remaining bits,
// clipping absurd counts (CPython's divmod_shift): a clipped left shift then
// fails to allocate, a clipped right shift gives 0 or -1.
static void divmod_shift(IntObject* n, isize* wordshift, int* remshift) {
    int64_t v;
    if (int_as_i64(n, &v) && v <= int64_t(PTRDIFF_MAX)) {
        *wordshift = isize(v / kDigitBits);
        *remshift = int(v % kDigitBits);
        return;
    }
    *wordshift = PTRDIFF_MAX / isize(sizeof(digit));
    *remshift = 0;
}

static Ref<> lshift1(ThreadState* ts, IntObject* a, isize wordshift, int remshift) {
    isize oldsize = int_ndigits(a);
    if (oldsize == 0) return int_small(ts, 0);
    if (wordshift > kMaxIntDigits - oldsize - 1) return raise_no_memory(ts);
    isize newsize = oldsize + wordshift + (remshift ? 1 : 0);
    Ref<IntObject> z = int_alloc(ts, newsize);
    if (!z) return nullptr;
    if (a->ob_size < 0) z->ob_size = -z->ob_size;
    isize i = wordshift;
    twodigits accum = 0;
    for (isize j = 0; j < oldsize; i++, j++) {
        accum |= twodigits(a->ob_digit[j]) << remshift;
        z->ob_digit[i] = digit(accum & kDigitMask);
        accum >>= kDigitBits;
    }
    if (remshift) z->ob_digit[newsize - 1] = digit(accum);
    return int_finish(ts, std::move(z));
}

// Floor shift: for negative a, (-a) >> s == -((a + 2**s - 1) >> s).
static Ref<> rshift1(ThreadState* ts, IntObject* a, isize wordshift, int remshift) {
    if (is_medium(a)) {
        int64_t m = medium_value(a);
        // |m| < 2**60, so any shift of 63 or more leaves only the sign.
        int shift = wordshift >= 3 ? 63 : std::min<int>(63, int(wordshift) * kDigitBits + remshift);
        return from_medium(ts, m >> shift);   // arithmetic shift floors (C++20)
    }
    bool neg = a->ob_size < 0;
    isize size_a = int_ndigits(a);
    if (neg && remshift == 0) {
        // Keep 0 < remshift <= 30 for negatives so newsize is right.
        if (wordshift == 0) return int_exact(ts, a);
        remshift = kDigitBits;
        --wordshift;
    }
    isize newsize = size_a - wordshift;
    if (newsize <= 0) return int_small(ts, neg ? -1 : 0);
    Ref<IntObject> z = int_alloc(ts, newsize);
    if (!z) return nullptr;
    int hishift = kDigitBits - remshift;
    twodigits accum = a->ob_digit[wordshift];
    if (neg) {
        z->ob_size = -newsize;
        digit sticky = 0;
        for (isize j = 0; j < wordshift; j++) sticky |= a->ob_digit[j];
        accum += (kDigitMask >> hishift) + digit(sticky != 0);
    }
    accum >>= remshift;
    for (isize i = 0, j = wordshift + 1; j < size_a; i++, j++) {
        accum += twodigits(a->ob_digit[j]) << hishift;
        z->ob_digit[i] = digit(accum & kDigitMask);
        accum >>= kDigitBits;
    }
    z->ob_digit[newsize - 1] = digit(accum);
    return int_finish(ts, std::move(z));
}

Ref<> int_lshift(ThreadState* ts, IntObject* a, IntObject* n) {
    if (n->ob_size < 0) return raise(ts, ts->interp->exc.ValueError, "negative shift count");
    if (a->ob_size == 0) return int_small(ts, 0);
    isize wordshift;
    int remshift;
    divmod_shift(n, &wordshift, &remshift);
    return lshift1(ts, a, wordshift, remshift);
}

Ref<> int_rshift(ThreadState* ts, IntObject* a, IntObject* n) {
    if (n->ob_size < 0) return raise(ts, ts->interp->exc.ValueError, "negative shift count");
    if (a->ob_size == 0) return int_small(ts, 0);
    isize wordshift;
    int remshift;
    divmod_shift(n, &wordshift, &remshift);
    return rshift1(ts, a, wordshift, remshift);
}

Ref<> int_lshift_bits(ThreadState* ts, IntObject* a, int64_t n) {
    return lshift1(ts, a, isize(n / kDigitBits), int(n % kDigitBits));
}

Ref<> int_rshift_bits(ThreadState* ts, IntObject* a, int64_t n) {
    if (a->ob_size == 0) return int_small(ts, 0);
    return rshift1(ts, a, isize(n / kDigitBits), int(n % kDigitBits));
}

// ------------------------------------------------------------ bitwise

// Two's complement of a[0:m] into z (CPython's v_complement).
static void v_complement(digit* z, const digit* a, isize m) {
    digit carry = 1;
    for (isize i = 0; i < m; ++i) {
        carry += a[i] ^ kDigitMask;
        z[i] = carry & kDigitMask;
        carry >>= kDigitBits;
    }
}

// Bitwise operators act as if on infinite two's complement: negative
// operands are complemented first, the result is complemented back when it
// is negative (CPython's long_bitwise).
Ref<> int_bitwise(ThreadState* ts, IntObject* a, char op, IntObject* b) {
    if (is_medium(a) && is_medium(b)) {
        int64_t x = medium_value(a), y = medium_value(b);
        return from_medium(ts, op == '&' ? (x & y) : op == '|' ? (x | y) : (x ^ y));
    }
    isize size_a = int_ndigits(a), size_b = int_ndigits(b);
    bool nega = a->ob_size < 0, negb = b->ob_size < 0;
    std::vector<digit> da(a->ob_digit, a->ob_digit + size_a), db(b->ob_digit, b->ob_digit + size_b);
    if (nega) v_complement(da.data(), da.data(), size_a);
    if (negb) v_complement(db.data(), db.data(), size_b);
    if (size_a < size_b) {
        std::swap(da, db);
        std::swap(size_a, size_b);
        std::swap(nega, negb);
    }
    // Result length: AND of positives / OR of negatives is no longer than
    // the shorter operand; mixed signs follow the positive (AND) or the
    // negative (OR) operand.
    bool negz;
    isize size_z;
    switch (op) {
    case '^': negz = nega ^ negb; size_z = size_a; break;
    case '&': negz = nega & negb; size_z = negb ? size_a : size_b; break;
    default: negz = nega | negb; size_z = negb ? size_b : size_a; break;
    }
    // One extra digit when negative, so the final complement cannot overflow.
    Ref<IntObject> z = int_alloc(ts, size_z + (negz ? 1 : 0));
    if (!z) return nullptr;
    isize i = 0;
    for (; i < size_b; ++i) {
        digit x = da[std::size_t(i)], y = db[std::size_t(i)];
        z->ob_digit[i] = op == '&' ? (x & y) : op == '|' ? (x | y) : (x ^ y);
    }
    if (op == '^' && negb) {
        for (; i < size_z; ++i) z->ob_digit[i] = da[std::size_t(i)] ^ kDigitMask;
    } else {
        for (; i < size_z; ++i) z->ob_digit[i] = da[std::size_t(i)];
    }
    if (negz) {
        z->ob_size = -z->ob_size;
        z->ob_digit[size_z] = kDigitMask;
        v_complement(z->ob_digit, z->ob_digit, size_z + 1);
    }
    return int_finish(ts, std::move(z));
}

// ------------------------------------------------------------ power

// Modular inverse of a modulo n > 0 by the extended Euclidean algorithm
// (CPython's long_invmod).
static Ref<> long_invmod(ThreadState* ts, IntObject* a0, IntObject* n0) {
    Ref<> a = newref<Object>(a0), n = newref<Object>(n0);
    Ref<> b = int_small(ts, 1), c = int_small(ts, 0);
    // Invariant: b*a0 ≡ a and c*a0 ≡ n (mod n0).
    while (as_int(n.get())->ob_size != 0) {
        Ref<> q, r;
        if (!int_divmod(ts, as_int(a.get()), as_int(n.get()), &q, &r)) return nullptr;
        a = std::move(n);
        n = std::move(r);
        Ref<> t = int_mul(ts, as_int(q.get()), as_int(c.get()));
        if (!t) return nullptr;
        Ref<> s = int_sub(ts, as_int(b.get()), as_int(t.get()));
        if (!s) return nullptr;
        b = std::move(c);
        c = std::move(s);
    }
    IntObject* g = as_int(a.get());
    if (!(g->ob_size == 1 && g->ob_digit[0] == 1))
        return raise(ts, ts->interp->exc.ValueError, "base is not invertible for the given modulus");
    return b;
}

// (x * y) % m, or x * y when m is null.
static Ref<> mul_mod(ThreadState* ts, IntObject* x, IntObject* y, IntObject* m) {
    Ref<> p = int_mul(ts, x, y);
    if (!p || !m) return p;
    Ref<> r;
    if (!int_divmod(ts, as_int(p.get()), m, nullptr, &r)) return nullptr;
    return r;
}

Ref<> int_pow(ThreadState* ts, IntObject* a0, IntObject* b0, IntObject* c0) {
    Ref<> a = newref<Object>(a0), b = newref<Object>(b0), c;
    bool negative_output = false;
    if (c0) {
        if (c0->ob_size == 0) return raise(ts, ts->interp->exc.ValueError, "pow() 3rd argument cannot be 0");
        if (c0->ob_size < 0) {
            negative_output = true;
            c = int_neg(ts, c0);
        } else {
            c = newref<Object>(c0);
        }
        if (!c) return nullptr;
        IntObject* ci = as_int(c.get());
        if (ci->ob_size == 1 && ci->ob_digit[0] == 1) return int_small(ts, 0);
        if (b0->ob_size < 0) {
            b = int_neg(ts, b0);
            if (!b) return nullptr;
            a = long_invmod(ts, a0, ci);
            if (!a) return nullptr;
        }
        // Reduce the base when negative or obviously larger than the modulus.
        IntObject* ai = as_int(a.get());
        if (ai->ob_size < 0 || ai->ob_size > ci->ob_size) {
            Ref<> r;
            if (!int_divmod(ts, ai, ci, nullptr, &r)) return nullptr;
            a = std::move(r);
        }
    }
    IntObject* m = c ? as_int(c.get()) : nullptr;
    IntObject* base = as_int(a.get());
    IntObject* exp = as_int(b.get());

    // Left-to-right binary exponentiation: for each bit of the exponent from
    // the top, z = z*z, then z = z*base when the bit is set.
    Ref<> z = int_small(ts, 1);
    isize nd = int_ndigits(exp);
    for (isize i = nd - 1; i >= 0; --i) {
        digit bi = exp->ob_digit[i];
        for (int j = kDigitBits - 1; j >= 0; --j) {
            if (i == nd - 1 && (bi >> j) == 0) continue;   // skip leading zero bits
            z = mul_mod(ts, as_int(z.get()), as_int(z.get()), m);
            if (!z) return nullptr;
            if ((bi >> j) & 1) {
                z = mul_mod(ts, as_int(z.get()), base, m);
                if (!z) return nullptr;
            }
        }
    }
    if (m && nd == 0) {
        // x**0 % m == 1 % m
        Ref<> r;
        if (!int_divmod(ts, as_int(z.get()), m, nullptr, &r)) return nullptr;
        z = std::move(r);
    }
    if (negative_output && as_int(z.get())->ob_size != 0) z = int_sub(ts, as_int(z.get()), m);
    return z;
}

}  // namespace gp
