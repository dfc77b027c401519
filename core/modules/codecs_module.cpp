// codecs_module.cpp — `_glasspy_codecs`: the codecs written in C++
// (objects/unicode_codecs.cpp) as functions the Python codec machinery can
// call. The registry, the error-handler table and every other codec live in
// Python (core/lib/_codecs.py, codecs.py, encodings/), as CPython keeps its
// registry in Python/codecs.c but most codecs in Lib/encodings/.
//
//   encode(str, encoding, errors)   bytes, for the C++ codecs only
//   decode(data, encoding, errors)  str, likewise
//   builtin_name(encoding)          the canonical name of a C++ codec, or None
//
// str.encode and bytes.decode try the C++ codecs first and hand anything
// else (another codec, an error handler registered with
// codecs.register_error) to _codecs._text_encode / _text_decode.
#include "modules/modules.h"
#include "objects/abstract.h"
#include "objects/bytesobject.h"
#include "objects/funcobject.h"
#include "objects/methodobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

static bool str_arg(ThreadState* ts, const char* fname, int index, Object* v) {
    if (is_str(v)) return true;
    raise(ts, ts->interp->exc.TypeError, std::string(fname) + "() argument " + std::to_string(index) +
                                             " must be str, not " + type_name(v));
    return false;
}

static Ref<> cc_encode(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "encode", kw) || !check_nargs(ts, "encode", nargs, 3, 3)) return nullptr;
    for (int i = 0; i < 3; i++)
        if (!str_arg(ts, "encode", i + 1, args[i])) return nullptr;
    if (!unicode_builtin_codec(str_utf8(args[1]), nullptr))
        return raise(ts, ts->interp->exc.LookupError, "unknown encoding: " + std::string(str_utf8(args[1])));
    std::string out;
    if (!unicode_encode(ts, as_str(args[0]), str_utf8(args[1]), str_utf8(args[2]), &out)) return nullptr;
    return bytes_from_data(ts, out.data(), isize(out.size()));
}

static Ref<> cc_decode(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "decode", kw) || !check_nargs(ts, "decode", nargs, 3, 3)) return nullptr;
    std::string_view data;
    if (!need_bytes_like(ts, args[0], &data)) return nullptr;
    for (int i = 1; i < 3; i++)
        if (!str_arg(ts, "decode", i + 1, args[i])) return nullptr;
    if (!unicode_builtin_codec(str_utf8(args[1]), nullptr))
        return raise(ts, ts->interp->exc.LookupError, "unknown encoding: " + std::string(str_utf8(args[1])));
    std::string copy(data);   // the buffer may change under an error handler
    return unicode_decode(ts, copy, str_utf8(args[1]), str_utf8(args[2]));
}

static Ref<> cc_builtin_name(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "builtin_name", kw) || !check_nargs(ts, "builtin_name", nargs, 1, 1)) return nullptr;
    if (!str_arg(ts, "builtin_name", 1, args[0])) return nullptr;
    std::string canonical;
    if (!unicode_builtin_codec(str_utf8(args[0]), &canonical)) return newref(ts->interp->None);
    return str_from_utf8(ts, canonical);
}

// The built-in error handlers are built-in functions in CPython
// (<built-in function strict_errors>); these are, and each runs the
// handler of the same name with a leading underscore in _codecs.py.
template <const char* Name>
static Ref<> cc_handler(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, Name + 1, kw) || !check_nargs(ts, Name + 1, nargs, 1, 1)) return nullptr;
    Ref<> module = import_module(ts, "_codecs");
    Ref<> fn = module ? object_getattr_cstr(ts, module.get(), Name) : nullptr;
    if (!fn) return nullptr;
    return object_vectorcall(ts, fn.get(), args, 1, nullptr);
}

static constexpr char kStrict[] = "_strict_errors";
static constexpr char kIgnore[] = "_ignore_errors";
static constexpr char kReplace[] = "_replace_errors";
static constexpr char kBackslash[] = "_backslashreplace_errors";
static constexpr char kXmlRef[] = "_xmlcharrefreplace_errors";
static constexpr char kNameRep[] = "_namereplace_errors";
static constexpr char kSurEscape[] = "_surrogateescape_errors";
static constexpr char kSurPass[] = "_surrogatepass_errors";

static const MethodDef codecs_c_methods[] = {
    {"strict_errors", cc_handler<kStrict>, METH_DEFAULT, "Implements the 'strict' error handling, which raises a UnicodeError on coding errors."},
    {"ignore_errors", cc_handler<kIgnore>, METH_DEFAULT, "Implements the 'ignore' error handling, which ignores malformed data and continues."},
    {"replace_errors", cc_handler<kReplace>, METH_DEFAULT, "Implements the 'replace' error handling, which replaces malformed data with a replacement marker."},
    {"backslashreplace_errors", cc_handler<kBackslash>, METH_DEFAULT, "Implements the 'backslashreplace' error handling, which replaces malformed data with a backslashed escape sequence."},
    {"xmlcharrefreplace_errors", cc_handler<kXmlRef>, METH_DEFAULT, "Implements the 'xmlcharrefreplace' error handling, which replaces an unencodable character with the appropriate XML character reference."},
    {"namereplace_errors", cc_handler<kNameRep>, METH_DEFAULT, "Implements the 'namereplace' error handling, which replaces an unencodable character with a \\N{...} escape sequence."},
    {"surrogateescape_errors", cc_handler<kSurEscape>, METH_DEFAULT, "Implements the 'surrogateescape' error handling."},
    {"surrogatepass_errors", cc_handler<kSurPass>, METH_DEFAULT, "Implements the 'surrogatepass' error handling."},
    {"encode", cc_encode, METH_DEFAULT, "encode(str, encoding, errors, /)\n--\n\nEncode with a codec written in C++."},
    {"decode", cc_decode, METH_DEFAULT, "decode(data, encoding, errors, /)\n--\n\nDecode with a codec written in C++."},
    {"builtin_name", cc_builtin_name, METH_DEFAULT,
     "builtin_name(encoding, /)\n--\n\nThe canonical name of a codec written in C++, or None."},
    {nullptr, nullptr, 0, nullptr},
};

Ref<ModuleObject> make_codecs_c_module(ThreadState* ts) {
    Ref<ModuleObject> m = module_new(ts, "_glasspy_codecs");
    if (!m || !module_add_functions(ts, m.get(), codecs_c_methods)) return nullptr;
    return m;
}

}  // namespace gp
