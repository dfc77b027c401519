// sys_info.cpp — the descriptive parts of sys: version_info, hash_info,
// int_info, float_info, flags, thread_info (struct sequences, see
// objects/structseq.h), sys.implementation (a SimpleNamespace), hexversion,
// and the switch interval.
//
// Mirrors the make_*_info functions of CPython 3.11's Python/sysmodule.c,
// Objects/longobject.c (int_info) and Objects/floatobject.c (float_info).
// The values are those of CPython 3.11.7 on 64-bit Linux: glasspy computes
// hashes, int digits and floats exactly as that build does, so these
// numbers describe glasspy truthfully too.
#include <cfloat>
#include <string>

#include "modules/builtins.h"
#include "objects/descrobject.h"
#include "objects/dictobject.h"
#include "objects/floatobject.h"
#include "objects/funcobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/namespaceobject.h"
#include "objects/structseq.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"

namespace gp {

// One field value of a struct sequence being built.
struct FieldValue {
    enum Kind { Int, Float, Str, Bool } kind;
    int64_t i = 0;
    double f = 0;
    const char* s = nullptr;
    static FieldValue of(int64_t v) { return {Int, v, 0, nullptr}; }
    static FieldValue real(double v) { return {Float, 0, v, nullptr}; }
    static FieldValue text(const char* v) { return {Str, 0, 0, v}; }
    static FieldValue flag(bool v) { return {Bool, v, 0, nullptr}; }
};

static Ref<> field_object(ThreadState* ts, const FieldValue& v) {
    switch (v.kind) {
    case FieldValue::Int: return int_from_i64(ts, v.i);
    case FieldValue::Float: return float_from_double(ts, v.f);
    case FieldValue::Str: return str_from_utf8(ts, v.s);
    case FieldValue::Bool: return bool_from(ts, v.i != 0);
    }
    return nullptr;
}

// Creates the struct-sequence type `name` with `fields` (all visible) and
// its one instance holding `values`. Like CPython's sys types, the type
// cannot be instantiated from Python ("cannot create 'sys.flags' instances").
static Ref<> make_info(ThreadState* ts, const char* name, const GetSetDef* fields, const char* doc,
                       std::initializer_list<FieldValue> values) {
    Ref<TypeObject> type = structseq_new_type(ts, name, fields, int(values.size()), doc);
    if (!type) return nullptr;
    Ref<TupleObject> info = structseq_new(ts, type.get());
    if (!info) return nullptr;
    isize i = 0;
    for (const FieldValue& v : values) {
        Ref<> item = field_object(ts, v);
        if (!item) return nullptr;
        info->ob_item[i++] = item.release();
    }
    type->tp_new = nullptr;
    return info;
}

#define GP_FIELD(i, name, doc) {name, structseq_get<i>, structseq_readonly, doc}
#define GP_END_FIELDS {nullptr, nullptr, nullptr, nullptr}

static const GetSetDef version_info_fields[] = {
    GP_FIELD(0, "major", "Major release number"),
    GP_FIELD(1, "minor", "Minor release number"),
    GP_FIELD(2, "micro", "Patch release number"),
    GP_FIELD(3, "releaselevel", "'alpha', 'beta', 'candidate', or 'final'"),
    GP_FIELD(4, "serial", "Serial release number"),
    GP_END_FIELDS,
};

static const GetSetDef hash_info_fields[] = {
    GP_FIELD(0, "width", "width of the type used for hashing, in bits"),
    GP_FIELD(1, "modulus", "prime number giving the modulus on which the hash function is based"),
    GP_FIELD(2, "inf", "value to be used for hash of a positive infinity"),
    GP_FIELD(3, "nan", "value to be used for hash of a nan"),
    GP_FIELD(4, "imag", "multiplier used for the imaginary part of a complex number"),
    GP_FIELD(5, "algorithm", "name of the algorithm for hashing of str, bytes and memoryviews"),
    GP_FIELD(6, "hash_bits", "internal output size of hash algorithm"),
    GP_FIELD(7, "seed_bits", "seed size of hash algorithm"),
    GP_FIELD(8, "cutoff", "small string optimization cutoff"),
    GP_END_FIELDS,
};

static const GetSetDef int_info_fields[] = {
    GP_FIELD(0, "bits_per_digit", "size of a digit in bits"),
    GP_FIELD(1, "sizeof_digit", "size in bytes of the C type used to represent a digit"),
    GP_FIELD(2, "default_max_str_digits", "maximum string conversion digits limitation"),
    GP_FIELD(3, "str_digits_check_threshold", "minimum positive value for int_max_str_digits"),
    GP_END_FIELDS,
};

static const GetSetDef float_info_fields[] = {
    GP_FIELD(0, "max", "DBL_MAX -- maximum representable finite float"),
    GP_FIELD(1, "max_exp", "DBL_MAX_EXP -- maximum int e such that radix**(e-1) is representable"),
    GP_FIELD(2, "max_10_exp", "DBL_MAX_10_EXP -- maximum int e such that 10**e is representable"),
    GP_FIELD(3, "min", "DBL_MIN -- Minimum positive normalized float"),
    GP_FIELD(4, "min_exp", "DBL_MIN_EXP -- minimum int e such that radix**(e-1) is a normalized float"),
    GP_FIELD(5, "min_10_exp", "DBL_MIN_10_EXP -- minimum int e such that 10**e is a normalized float"),
    GP_FIELD(6, "dig", "DBL_DIG -- maximum number of decimal digits that can be faithfully represented in a float"),
    GP_FIELD(7, "mant_dig", "DBL_MANT_DIG -- mantissa digits"),
    GP_FIELD(8, "epsilon", "DBL_EPSILON -- Difference between 1 and the next representable float"),
    GP_FIELD(9, "radix", "FLT_RADIX -- radix of exponent"),
    GP_FIELD(10, "rounds", "FLT_ROUNDS -- rounding mode used for arithmetic operations"),
    GP_END_FIELDS,
};

static const GetSetDef flags_fields[] = {
    GP_FIELD(0, "debug", "-d"),
    GP_FIELD(1, "inspect", "-i"),
    GP_FIELD(2, "interactive", "-i"),
    GP_FIELD(3, "optimize", "-O or -OO"),
    GP_FIELD(4, "dont_write_bytecode", "-B"),
    GP_FIELD(5, "no_user_site", "-s"),
    GP_FIELD(6, "no_site", "-S"),
    GP_FIELD(7, "ignore_environment", "-E"),
    GP_FIELD(8, "verbose", "-v"),
    GP_FIELD(9, "bytes_warning", "-b"),
    GP_FIELD(10, "quiet", "-q"),
    GP_FIELD(11, "hash_randomization", "-R"),
    GP_FIELD(12, "isolated", "-I"),
    GP_FIELD(13, "dev_mode", "-X dev"),
    GP_FIELD(14, "utf8_mode", "-X utf8"),
    GP_FIELD(15, "warn_default_encoding", "-X warn_default_encoding"),
    GP_FIELD(16, "safe_path", "-P"),
    GP_FIELD(17, "int_max_str_digits", "-X int_max_str_digits"),
    GP_END_FIELDS,
};

static const GetSetDef thread_info_fields[] = {
    GP_FIELD(0, "name", "name of the thread implementation"),
    GP_FIELD(1, "lock", "name of the lock implementation"),
    GP_FIELD(2, "version", "name and version of the thread library"),
    GP_END_FIELDS,
};

#undef GP_FIELD
#undef GP_END_FIELDS

// ------------------------------------------------------------ switch interval

static Ref<> sys_getswitchinterval(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "getswitchinterval", kw) || !check_nargs(ts, "getswitchinterval", nargs, 0, 0))
        return nullptr;
    return float_from_double(ts, 1e-6 * double(ts->interp->gil->interval_us()));
}

static Ref<> sys_setswitchinterval(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "setswitchinterval", kw) || !check_nargs(ts, "setswitchinterval", nargs, 1, 1))
        return nullptr;
    double v;
    if (!float_as_double(ts, args[0], &v)) return nullptr;
    if (v <= 0.0) return raise(ts, ts->interp->exc.ValueError, "switch interval must be strictly positive");
    // Kept in whole microseconds, as CPython's gil->interval.
    ts->interp->gil->set_interval_us(uint64_t(1e6 * v));
    return newref(ts->interp->None);
}

// ------------------------------------------------------------ encodings, state

static Ref<> sys_getdefaultencoding(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "getdefaultencoding", kw) || !check_nargs(ts, "getdefaultencoding", nargs, 0, 0))
        return nullptr;
    return str_from_utf8(ts, "utf-8");
}

// glasspy runs in UTF-8 mode's terms: file names are UTF-8, undecodable
// bytes round-trip as surrogates (CPython's defaults on Linux).
static Ref<> sys_getfilesystemencoding(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "getfilesystemencoding", kw) || !check_nargs(ts, "getfilesystemencoding", nargs, 0, 0))
        return nullptr;
    return str_from_utf8(ts, "utf-8");
}

static Ref<> sys_getfilesystemencodeerrors(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "getfilesystemencodeerrors", kw) ||
        !check_nargs(ts, "getfilesystemencodeerrors", nargs, 0, 0))
        return nullptr;
    return str_from_utf8(ts, "surrogateescape");
}

// A program's own code never runs once finalization has begun far enough
// for this to be true (atexit handlers still see False, as in CPython).
static Ref<> sys_is_finalizing(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "is_finalizing", kw) || !check_nargs(ts, "is_finalizing", nargs, 0, 0)) return nullptr;
    return newref<Object>(ts->interp->False);
}

static const MethodDef sys_info_methods[] = {
    {"getdefaultencoding", sys_getdefaultencoding, 0, "Return the current default encoding used by the Unicode implementation."},
    {"getfilesystemencoding", sys_getfilesystemencoding, 0, "Return the encoding used to convert Unicode filenames to OS filenames."},
    {"getfilesystemencodeerrors", sys_getfilesystemencodeerrors, 0, "Return the error mode used Unicode to OS filename conversion."},
    {"is_finalizing", sys_is_finalizing, 0, "Return True if Python is exiting."},
    {"getswitchinterval", sys_getswitchinterval, 0, "Return the current thread switch interval; see sys.setswitchinterval()."},
    {"setswitchinterval", sys_setswitchinterval, 0, "Set the ideal thread switching delay inside the Python interpreter."},
    {nullptr, nullptr, 0, nullptr},
};

bool sys_add_info(ThreadState* ts, ModuleObject* mod) {
    DictObject* d = mod->md_dict;
    Ref<> modname = str_intern_cstr(ts, "sys");
    if (!modname) return false;
    for (const MethodDef* def = sys_info_methods; def->name; def++) {
        Ref<> f = cfunction_new(ts, def, mod, modname.get());
        if (!f || !dict_set_cstr(ts, d, def->name, f.get())) return false;
    }
    using F = FieldValue;
    Ref<> version_info = make_info(ts, "sys.version_info", version_info_fields,
                                   "sys.version_info\n\nVersion information as a named tuple.",
                                   {F::of(3), F::of(11), F::of(7), F::text("final"), F::of(0)});
    if (!version_info || !dict_set_cstr(ts, d, "version_info", version_info.get())) return false;
    // The modulus 2**61 - 1 and the constants of CPython's Python/pyhash.c.
    Ref<> hash_info = make_info(ts, "sys.hash_info", hash_info_fields,
                                "hash_info\n\nA named tuple providing parameters used for computing\n"
                                "hashes. The attributes are read only.",
                                {F::of(64), F::of((int64_t(1) << 61) - 1), F::of(314159), F::of(0),
                                 F::of(1000003), F::text("siphash13"), F::of(64), F::of(128), F::of(0)});
    if (!hash_info || !dict_set_cstr(ts, d, "hash_info", hash_info.get())) return false;
    Ref<> int_info = make_info(ts, "sys.int_info", int_info_fields,
                               "sys.int_info\n\nA named tuple that holds information about Python's\n"
                               "internal representation of integers.  The attributes are read only.",
                               {F::of(30), F::of(4), F::of(4300), F::of(640)});
    if (!int_info || !dict_set_cstr(ts, d, "int_info", int_info.get())) return false;
    Ref<> float_info = make_info(ts, "sys.float_info", float_info_fields,
                                 "sys.float_info\n\nA named tuple holding information about the float type. It contains low level\n"
                                 "information about the precision and internal representation. Please study\n"
                                 "your system's :file:`float.h` for more information.",
                                 {F::real(DBL_MAX), F::of(DBL_MAX_EXP), F::of(DBL_MAX_10_EXP), F::real(DBL_MIN),
                                  F::of(DBL_MIN_EXP), F::of(DBL_MIN_10_EXP), F::of(DBL_DIG), F::of(DBL_MANT_DIG),
                                  F::real(DBL_EPSILON), F::of(FLT_RADIX), F::of(1)});
    if (!float_info || !dict_set_cstr(ts, d, "float_info", float_info.get())) return false;
    // The flags of a plain `python3 script.py`; string hashing is
    // randomized unless PYTHONHASHSEED=0.
    int hash_randomization = ts->interp->config.hash_seed == 0 ? 0 : 1;
    Ref<> flags = make_info(ts, "sys.flags", flags_fields, "sys.flags\n\nFlags provided through command line arguments or environment vars.",
                            {F::of(0), F::of(0), F::of(0), F::of(0), F::of(0), F::of(0), F::of(0), F::of(0),
                             F::of(0), F::of(0), F::of(0), F::of(hash_randomization), F::of(0), F::flag(false), F::of(0),
                             F::of(0), F::flag(false), F::of(-1)});
    if (!flags || !dict_set_cstr(ts, d, "flags", flags.get())) return false;
    Ref<> thread_info = make_info(ts, "sys.thread_info", thread_info_fields,
                                  "sys.thread_info\n\nA named tuple holding information about the thread implementation.",
                                  {F::text("pthread"), F::text("semaphore"), F::text("NPTL 2.36")});
    if (!thread_info || !dict_set_cstr(ts, d, "thread_info", thread_info.get())) return false;
    // 0x030B07F0: 3.11.7, release level final (0xF), serial 0.
    Ref<> hexversion = int_from_i64(ts, 0x030B07F0);
    if (!hexversion || !dict_set_cstr(ts, d, "hexversion", hexversion.get())) return false;

    // sys.implementation: glasspy says what it is (as PyPy does), while
    // version and hexversion say which language version it implements.
    Ref<DictObject> impl = dict_new(ts);
    if (!impl) return false;
    Ref<> name = str_from_utf8(ts, "glasspy"), tag = str_from_utf8(ts, "glasspy-311");
    Ref<> multiarch = str_from_utf8(ts, "x86_64-linux-gnu");
    if (!name || !tag || !multiarch) return false;
    if (!dict_set_cstr(ts, impl.get(), "name", name.get()) || !dict_set_cstr(ts, impl.get(), "cache_tag", tag.get()) ||
        !dict_set_cstr(ts, impl.get(), "version", version_info.get()) ||
        !dict_set_cstr(ts, impl.get(), "hexversion", hexversion.get()) ||
        !dict_set_cstr(ts, impl.get(), "_multiarch", multiarch.get()))
        return false;
    Ref<> implementation = namespace_new(ts, impl.get());
    if (!implementation || !dict_set_cstr(ts, d, "implementation", implementation.get())) return false;
    // Facts of CPython 3.11's build on 64-bit Linux that programs print.
    Ref<> maxunicode = int_from_i64(ts, 0x10FFFF), api_version = int_from_i64(ts, 1013);
    Ref<> repr_style = str_from_utf8(ts, "short"), abiflags = str_from_utf8(ts, "");
    Ref<DictObject> xoptions = dict_new(ts);
    if (!maxunicode || !api_version || !repr_style || !abiflags || !xoptions) return false;
    return dict_set_cstr(ts, d, "maxunicode", maxunicode.get()) && dict_set_cstr(ts, d, "api_version", api_version.get()) &&
           dict_set_cstr(ts, d, "float_repr_style", repr_style.get()) && dict_set_cstr(ts, d, "abiflags", abiflags.get()) &&
           dict_set_cstr(ts, d, "dont_write_bytecode", ts->interp->False) &&
           dict_set_cstr(ts, d, "_xoptions", xoptions.get());
}

}  // namespace gp
