// listsort.cpp — list.sort(): a stable merge sort in the shape of timsort.
//
// Mirrors CPython 3.11's list_sort_impl (Objects/listobject.c) and the
// algorithm described in Objects/listsort.txt, simplified: natural runs
// are found (strictly descending runs reversed in place), short runs
// extended to `minrun` with binary insertion sort, and runs merged while
// keeping the run-length invariants. Galloping is left out: it changes
// how many comparisons are made, never the result. All comparisons are
// `<` (object_richcompare_bool(Py_LT)), exactly as list.sort() promises.
//
// While sorting, the list is emptied (ob_item = null, allocated = -1): the
// key function and __lt__ may run arbitrary Python code, and if that code
// touches the list the change is detected afterwards ("list modified during
// sort") instead of corrupting the array being sorted.
#include <algorithm>
#include <vector>

#include "objects/abstract.h"
#include "objects/floatobject.h"
#include "objects/longobject.h"
#include "objects/listobject.h"
#include "objects/typeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

namespace {

struct SortItem {
    Object* key;      // borrowed: the item itself, or the key function's result
    Object* value;    // borrowed: the item
};

class Sorter {
public:
    explicit Sorter(ThreadState* ts) : ts_(ts) {}

    // Returns false with an error set; the array is always a permutation.
    bool sort(SortItem* a, isize n) {
        if (n < 2) return true;
        choose_compare(a, n);
        const isize minrun = compute_minrun(n);
        isize lo = 0;
        while (lo < n) {
            bool descending = false;
            isize run = count_run(a + lo, n - lo, &descending);
            if (run < 0) return false;
            if (descending) std::reverse(a + lo, a + lo + run);
            if (run < minrun) {
                const isize force = std::min(minrun, n - lo);
                if (!binary_insertion(a + lo, force, run)) return false;
                run = force;
            }
            runs_.push_back({lo, run});
            if (!merge_collapse(a)) return false;
            lo += run;
        }
        while (runs_.size() > 1) {
            std::size_t k = runs_.size() - 2;
            if (k > 0 && runs_[k - 1].len < runs_[k + 1].len) --k;
            if (!merge_at(a, k)) return false;
        }
        return true;
    }

private:
    struct Run { isize base, len; };

    // CPython's pre-sort check (unsafe_long_compare, unsafe_float_compare):
    // when every key is an exact float, or an exact int that fits in two
    // digits, `<` cannot run Python code or fail, so it is done directly.
    enum class Keys { Any, SmallInts, Floats };
    Keys keys_ = Keys::Any;

    static bool small_int(Object* o, TypeObject* int_type, int64_t* out) {
        if (type_of(o) != int_type) return false;
        auto* v = static_cast<IntObject*>(o);
        const isize size = v->ob_size;
        if (size < -2 || size > 2) return false;
        int64_t m = 0;
        for (isize i = (size < 0 ? -size : size) - 1; i >= 0; i--) m = (m << kDigitBits) | int64_t(v->ob_digit[i]);
        *out = size < 0 ? -m : m;
        return true;
    }

    void choose_compare(const SortItem* a, isize n) {
        Interpreter& interp = *ts_->interp;
        int64_t ignored;
        bool ints = true, floats = true;
        for (isize i = 0; i < n && (ints || floats); i++) {
            ints = ints && small_int(a[i].key, interp.types.int_, &ignored);
            floats = floats && type_of(a[i].key) == interp.types.float_;
        }
        keys_ = ints ? Keys::SmallInts : floats ? Keys::Floats : Keys::Any;
    }

    int lt(const SortItem& x, const SortItem& y) {
        if (keys_ == Keys::SmallInts) {
            int64_t p = 0, q = 0;
            TypeObject* int_type = ts_->interp->types.int_;
            small_int(x.key, int_type, &p);
            small_int(y.key, int_type, &q);
            return p < q;
        }
        if (keys_ == Keys::Floats)
            return static_cast<FloatObject*>(x.key)->ob_fval < static_cast<FloatObject*>(y.key)->ob_fval;
        return object_richcompare_bool(ts_, x.key, y.key, Py_LT);
    }

    static isize compute_minrun(isize n) {
        isize r = 0;
        while (n >= 64) { r |= n & 1; n >>= 1; }
        return n + r;
    }

    // Length of the run starting at a[0]: non-decreasing, or strictly
    // decreasing (so reversing it keeps stability).
    isize count_run(SortItem* a, isize n, bool* descending) {
        if (n == 1) return 1;
        int k = lt(a[1], a[0]);
        if (k < 0) return -1;
        isize i = 2;
        if (k) {
            *descending = true;
            for (; i < n; i++) {
                k = lt(a[i], a[i - 1]);
                if (k < 0) return -1;
                if (!k) break;
            }
        } else {
            for (; i < n; i++) {
                k = lt(a[i], a[i - 1]);
                if (k < 0) return -1;
                if (k) break;
            }
        }
        return i;
    }

    // a[0:start] is sorted; insert a[start:n] one by one (binarysort).
    bool binary_insertion(SortItem* a, isize n, isize start) {
        for (isize i = start; i < n; i++) {
            SortItem pivot = a[i];
            isize l = 0, r = i;
            while (l < r) {
                isize p = l + ((r - l) >> 1);
                int k = lt(pivot, a[p]);
                if (k < 0) return false;
                if (k) r = p; else l = p + 1;
            }
            for (isize j = i; j > l; j--) a[j] = a[j - 1];
            a[l] = pivot;
        }
        return true;
    }

    bool merge_collapse(SortItem* a) {
        while (runs_.size() > 1) {
            std::size_t n = runs_.size() - 2;
            if ((n > 0 && runs_[n - 1].len <= runs_[n].len + runs_[n + 1].len) ||
                (n > 1 && runs_[n - 2].len <= runs_[n - 1].len + runs_[n].len)) {
                if (runs_[n - 1].len < runs_[n + 1].len) --n;
            } else if (runs_[n].len > runs_[n + 1].len) {
                break;
            }
            if (!merge_at(a, n)) return false;
        }
        return true;
    }

    // Merges runs i and i+1. On a failed comparison the unmerged rest of the
    // left run is copied back, so the array stays a permutation.
    bool merge_at(SortItem* a, std::size_t i) {
        Run x = runs_[i], y = runs_[i + 1];
        runs_[i].len = x.len + y.len;
        runs_.erase(runs_.begin() + long(i) + 1);
        tmp_.assign(a + x.base, a + x.base + x.len);
        isize li = 0, ri = y.base, k = x.base;
        const isize lend = x.len, rend = y.base + y.len;
        while (li < lend && ri < rend) {
            int c = lt(a[ri], tmp_[std::size_t(li)]);
            if (c < 0) {
                while (li < lend) a[k++] = tmp_[std::size_t(li++)];
                return false;
            }
            if (c) a[k++] = a[ri++];
            else a[k++] = tmp_[std::size_t(li++)];
        }
        while (li < lend) a[k++] = tmp_[std::size_t(li++)];
        return true;
    }

    ThreadState* ts_;
    std::vector<Run> runs_;
    std::vector<SortItem> tmp_;
};

}  // namespace

bool list_sort(ThreadState* ts, ListObject* self, Object* keyfunc, bool reverse) {
    Interpreter& interp = *ts->interp;
    if (keyfunc == interp.None) keyfunc = nullptr;
    // Empty the list while sorting so mutations can be detected.
    const isize saved_size = self->ob_size;
    Object** saved_items = self->ob_item;
    const isize saved_allocated = self->allocated;
    self->ob_size = 0;
    self->ob_item = nullptr;
    self->allocated = -1;

    std::vector<SortItem> items(static_cast<std::size_t>(saved_size));
    std::vector<Object*> keys;   // owned key results
    bool ok = true;
    for (isize i = 0; i < saved_size; i++) {
        items[std::size_t(i)] = {saved_items[i], saved_items[i]};
        if (keyfunc) {
            Ref<> k = object_call_one(ts, keyfunc, saved_items[i]);
            if (!k) { ok = false; break; }
            items[std::size_t(i)].key = k.get();
            keys.push_back(k.release());
        }
    }
    if (ok) {
        // Reverse before and after so equal items keep their order.
        if (reverse) std::reverse(items.begin(), items.end());
        ok = Sorter(ts).sort(items.data(), saved_size);
        if (reverse) std::reverse(items.begin(), items.end());
        for (isize i = 0; i < saved_size; i++) saved_items[i] = items[std::size_t(i)].value;
    }
    for (Object* k : keys) decref(k);

    // Put the storage back; whatever a key function appended meanwhile is dropped.
    Object** final_items = self->ob_item;
    isize final_size = self->ob_size;
    const bool modified = self->allocated != -1;
    self->ob_size = saved_size;
    self->ob_item = saved_items;
    self->allocated = saved_allocated;
    if (final_items) {
        while (--final_size >= 0) xdecref(final_items[final_size]);
        interp.heap.free(final_items);
    }
    if (ok && modified) {
        raise(ts, interp.exc.ValueError, "list modified during sort");
        return false;
    }
    return ok;
}

}  // namespace gp
