// object.h — the object header every Python value starts with, and the
// owned-reference handle C++ code holds objects through.
//
// Mirrors CPython 3.11's Include/object.h. Every object begins with
//
//     +-----------------+
//     | ob_refcnt       |  how many owned references exist (exact, never estimated)
//     | ob_type         |  the object's type, which knows how to free it
//     +-----------------+
//     | type-specific   |
//
// and objects that can take part in reference cycles (lists, dicts, functions,
// instances, ...) carry a 16-byte GC header *in front* of this, exactly where
// CPython puts PyGC_Head (see gc/collector.h). A pointer to an object always
// points at ob_refcnt, never at the GC header.
//
// Reference counts are plain integers: they are only touched by the thread
// that holds the GIL, as in CPython, so no atomics are needed. When a count
// drops to zero the object is destroyed on the spot by its type's tp_dealloc.
//
// Ownership rules, visible in the types:
//   Ref<T>   an *owned* reference: it holds one count and gives it back when
//            it goes out of scope. Functions that return new references return
//            Ref<...>; a null Ref means "an exception is set", CPython's NULL
//            return convention.
//   T*       a *borrowed* reference: valid only while someone else owns one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>

namespace gp {

using isize = std::ptrdiff_t;   // Py_ssize_t

struct TypeObject;
class Interpreter;
struct ThreadState;

struct Object {
    isize ob_refcnt;        // owned references to this object; 0 = being freed
    TypeObject* ob_type;    // never null; owned (a type outlives its instances)
};

// Objects with a variable number of items stored inline (tuples, ints).
struct VarObject : Object {
    isize ob_size;          // number of items (ints: signed digit count)
};

// Frees an object whose count just reached zero (calls its tp_dealloc).
void dealloc(Object* op);

inline void incref(Object* op) { ++op->ob_refcnt; }
inline void decref(Object* op) {
    if (--op->ob_refcnt == 0) dealloc(op);
}
inline void xincref(Object* op) { if (op) incref(op); }

// CPython 3.11 allocates some objects statically — the small ints, '', the
// one-character Latin-1 strings, (), and the identifiers its own C code
// uses — and starts their count at 999999999 so that they are never freed
// (3.12 turns this into immortality). That is why sys.getrefcount(1) prints
// a number above a billion there. The interpreter gives its caches of these
// objects the same head start when it makes them (static_refs_add) and
// takes it back when it is destroyed (static_refs_remove), so that their
// counts read as CPython's do and still reach zero at the end.
constexpr isize kStaticRefcnt = 999999999;
inline void static_refs_add(Object* op) { op->ob_refcnt += kStaticRefcnt - 1; }
inline void static_refs_remove(Object* op) { op->ob_refcnt -= kStaticRefcnt - 1; }
inline void xdecref(Object* op) { if (op) decref(op); }

inline TypeObject* type_of(const Object* op) { return op->ob_type; }

// An owned reference. Move-only; converts implicitly from Ref<Derived> to
// Ref<Base>. T must be Object or a struct derived from it.
template <class T = Object>
class Ref {
public:
    Ref() = default;
    Ref(std::nullptr_t) {}
    ~Ref() { if (p_) decref(reinterpret_cast<Object*>(p_)); }

    // Adopt a reference the caller already owns (no count change).
    static Ref steal(T* p) { Ref r; r.p_ = p; return r; }
    // Take a new reference to a borrowed object (count + 1).
    static Ref borrow(T* p) {
        if (p) incref(reinterpret_cast<Object*>(p));
        Ref r; r.p_ = p; return r;
    }

    Ref(Ref&& other) noexcept : p_(other.p_) { other.p_ = nullptr; }
    template <class U>
    Ref(Ref<U>&& other) noexcept : p_(static_cast<T*>(other.release())) {}
    Ref& operator=(Ref&& other) noexcept {
        if (this != &other) { T* old = p_; p_ = other.p_; other.p_ = nullptr; if (old) decref(reinterpret_cast<Object*>(old)); }
        return *this;
    }
    Ref(const Ref&) = delete;
    Ref& operator=(const Ref&) = delete;

    // A second owned reference to the same object.
    Ref clone() const { return borrow(p_); }

    T* get() const { return p_; }
    T* operator->() const { return p_; }
    explicit operator bool() const { return p_ != nullptr; }
    // Give up ownership without changing the count; the caller now owns it.
    [[nodiscard]] T* release() { T* p = p_; p_ = nullptr; return p; }
    void reset() { T* old = p_; p_ = nullptr; if (old) decref(reinterpret_cast<Object*>(old)); }

    // Reinterpret as a reference to another object struct (checked by the caller).
    template <class U>
    Ref<U> as() && { return Ref<U>::steal(reinterpret_cast<U*>(release())); }

private:
    T* p_ = nullptr;
};

// Borrowed-to-owned shorthand: newref(x) is Ref<T>::borrow(x).
template <class T>
inline Ref<T> newref(T* p) { return Ref<T>::borrow(p); }

// Allocates an object of `type` with room for `nitems` inline items
// (tp_basicsize + nitems * tp_itemsize bytes) from the interpreter's heap,
// with a GC header in front when the type has TPFLAGS_HAVE_GC (not yet
// tracked: the caller tracks it once its fields are valid). Sets ob_refcnt
// to 1, ob_type (taking a reference to the type) and, for var-sized types,
// ob_size. Returns null with MemoryError set.
Object* object_alloc(ThreadState* ts, TypeObject* type, isize nitems = 0);
// Gives an object's memory back to the heap and drops its reference to its
// type. Called at the end of a tp_dealloc, after the fields are released.
void object_free(Object* op);

// Comparison operators, numbered as CPython's Py_LT..Py_GE (COMPARE_OP oparg).
enum CompareOp : int { Py_LT = 0, Py_LE = 1, Py_EQ = 2, Py_NE = 3, Py_GT = 4, Py_GE = 5 };

}  // namespace gp
