// zlib_module.cpp — `_zlib`, the C++ half of the zlib module: DEFLATE and
// the checksums of modules/deflate.h as functions on bytes. The stream
// formats around DEFLATE (zlib and gzip headers and trailers), the
// Compress/Decompress objects and the error messages are in
// core/lib/zlib.py.
//
//   crc32(data, value)            CRC-32 continued from value
//   adler32(data, value)          Adler-32 continued from value
//   deflate(data, level, final)   raw DEFLATE blocks (final: end the stream,
//                                 else end with a sync-flush marker)
//   inflate(data, bit_pos, window)  -> (output, partial, bit_pos, finished,
//                                 error): the complete blocks of data from
//                                 bit_pos, then what the incomplete one gave
#include "modules/deflate.h"
#include "modules/modules.h"
#include "objects/bytesobject.h"
#include "objects/funcobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/tupleobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

static bool uint_arg(ThreadState* ts, Object* v, uint64_t* out) {
    int64_t x;
    if (!is_int(v)) {
        raise(ts, ts->interp->exc.TypeError, std::string("an integer is required, not ") + type_name(v));
        return false;
    }
    if (!int_as_i64(v, &x) || x < 0) {
        raise(ts, ts->interp->exc.OverflowError, "value out of range");
        return false;
    }
    *out = uint64_t(x);
    return true;
}

static Ref<> checksum(ThreadState* ts, const char* fname, Object* const* args, isize nargs, TupleObject* kw,
                      uint32_t (*fn)(std::string_view, uint32_t)) {
    if (!check_no_kwargs(ts, fname, kw) || !check_nargs(ts, fname, nargs, 2, 2)) return nullptr;
    std::string_view data;
    uint64_t value;
    if (!need_bytes_like(ts, args[0], &data) || !uint_arg(ts, args[1], &value)) return nullptr;
    return int_from_i64(ts, fn(data, uint32_t(value)));
}

static Ref<> z_crc32(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    return checksum(ts, "crc32", args, nargs, kw, deflate::crc32);
}

static Ref<> z_adler32(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    return checksum(ts, "adler32", args, nargs, kw, deflate::adler32);
}

static Ref<> z_deflate(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "deflate", kw) || !check_nargs(ts, "deflate", nargs, 3, 3)) return nullptr;
    std::string_view data;
    uint64_t level;
    if (!need_bytes_like(ts, args[0], &data) || !uint_arg(ts, args[1], &level)) return nullptr;
    std::string out = deflate::compress(data, int(level > 9 ? 9 : level), args[2] == ts->interp->True);
    return bytes_from_data(ts, out.data(), isize(out.size()));
}

static Ref<> z_inflate(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "inflate", kw) || !check_nargs(ts, "inflate", nargs, 3, 3)) return nullptr;
    std::string_view data, window;
    uint64_t bit_pos;
    if (!need_bytes_like(ts, args[0], &data) || !uint_arg(ts, args[1], &bit_pos) ||
        !need_bytes_like(ts, args[2], &window))
        return nullptr;
    deflate::InflateResult r = deflate::inflate(data, bit_pos, window);
    Ref<> out = bytes_from_data(ts, r.out.data(), isize(r.out.size()));
    Ref<> pos = out ? int_from_i64(ts, int64_t(r.bit_pos)) : nullptr;
    Ref<> partial = pos ? bytes_from_data(ts, r.partial.data(), isize(r.partial.size())) : nullptr;
    Ref<> err = partial ? (r.error ? str_from_utf8(ts, r.error) : newref(ts->interp->None)) : nullptr;
    if (!err) return nullptr;
    return tuple_pack(ts, {out.get(), partial.get(), pos.get(), r.finished ? ts->interp->True : ts->interp->False,
                           err.get()});
}

static const MethodDef zlib_c_methods[] = {
    {"crc32", z_crc32, METH_DEFAULT, "crc32(data, value, /)\n--\n\nCRC-32 of data, continued from value."},
    {"adler32", z_adler32, METH_DEFAULT, "adler32(data, value, /)\n--\n\nAdler-32 of data, continued from value."},
    {"deflate", z_deflate, METH_DEFAULT, "deflate(data, level, final, /)\n--\n\nRaw DEFLATE blocks of data."},
    {"inflate", z_inflate, METH_DEFAULT,
     "inflate(data, bit_pos, window, /)\n--\n\n(output, partial, bit_pos, finished, error) of the blocks from bit_pos."},
    {nullptr, nullptr, 0, nullptr},
};

Ref<ModuleObject> make_zlib_c_module(ThreadState* ts) {
    Ref<ModuleObject> m = module_new(ts, "_zlib");
    if (!m || !module_add_functions(ts, m.get(), zlib_c_methods)) return nullptr;
    return m;
}

}  // namespace gp
