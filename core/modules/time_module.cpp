// time_module.cpp — the `time` module: clocks, sleep, and conversions between
// seconds since the epoch, struct_time and text.
//
// Mirrors CPython 3.11's Modules/timemodule.c on a POSIX system. The clocks
// are clock_gettime() clocks, as CPython uses them on Linux:
//
//     time()          CLOCK_REALTIME            wall clock, can jump
//     monotonic()     CLOCK_MONOTONIC           never goes back
//     perf_counter()  CLOCK_MONOTONIC           (same clock on Linux)
//     process_time()  CLOCK_PROCESS_CPUTIME_ID  CPU time of the process
//     thread_time()   CLOCK_THREAD_CPUTIME_ID   CPU time of this thread
//
// (Where the two CPU clocks are missing, as in WebAssembly, the time spent
// holding the GIL stands in for them; see clock_ns.)
//
// Each has an _ns variant returning an int of nanoseconds, which loses no
// precision. struct_time is a struct sequence (objects/structseq.h) with 9
// visible fields and the hidden tm_zone and tm_gmtoff.
#include <cerrno>
#include <chrono>
#include <cmath>
#include <ctime>
#include <thread>

#include "modules/module_support.h"
#include "modules/modules.h"
#include "objects/abstract.h"
#include "objects/dictobject.h"
#include "objects/floatobject.h"
#include "objects/funcobject.h"
#include "objects/longobject.h"
#include "objects/methodobject.h"
#include "objects/structseq.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "runtime/threads.h"

namespace gp {

// ------------------------------------------------------------------ clocks

// Time the interpreter's threads (or only `ts`) have held the GIL, running
// Python code; the current holder's ongoing turn counts (Gil::stats).
static int64_t gil_held_ns(ThreadState* ts, bool this_thread_only) {
    uint64_t total = 0;
    for (const GilThreadStats& s : ts->interp->gil->stats())
        if (!this_thread_only || s.thread == ts->id) total += s.held_ns;
    return int64_t(total);
}

// Where the platform has no CPU-time clocks (Emscripten knows only the wall
// clocks: neither a browser nor Node's worker threads tell a thread's CPU
// time), process_time() and thread_time() count the time the interpreter's
// threads, or this thread, have held the GIL. Python code runs only while
// holding it and every blocking call (sleep, join, a lock, I/O) lets go of
// it, so CPU-bound work counts and waiting does not, as with CPython's
// clocks; the difference is that time the OS gave to other programs while
// a thread held the GIL counts too. Each interpreter (a child "process"
// included) has its own GIL, so a parent's clock leaves out its children.
static int64_t clock_ns(ThreadState* ts, clockid_t id) {
    timespec t{};
    if (clock_gettime(id, &t) != 0) {
        if (id == CLOCK_PROCESS_CPUTIME_ID || id == CLOCK_THREAD_CPUTIME_ID)
            return gil_held_ns(ts, id == CLOCK_THREAD_CPUTIME_ID);
        return 0;
    }
    return int64_t(t.tv_sec) * 1000000000 + t.tv_nsec;
}

// time(), monotonic(), ...: float seconds; the _ns variants: int nanoseconds.
template <clockid_t Id, const char* Name>
static Ref<> clock_seconds(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, Name, kw) || !check_nargs(ts, Name, nargs, 0, 0)) return nullptr;
    return float_from_double(ts, double(clock_ns(ts, Id)) * 1e-9);
}

template <clockid_t Id, const char* Name>
static Ref<> clock_nanoseconds(ThreadState* ts, Object*, Object* const*, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, Name, kw) || !check_nargs(ts, Name, nargs, 0, 0)) return nullptr;
    return int_from_i64(ts, clock_ns(ts, Id));
}

static constexpr char kTime[] = "time.time", kTimeNs[] = "time.time_ns", kMonotonic[] = "time.monotonic",
                      kMonotonicNs[] = "time.monotonic_ns", kPerfCounter[] = "time.perf_counter",
                      kPerfCounterNs[] = "time.perf_counter_ns", kProcessTime[] = "time.process_time",
                      kProcessTimeNs[] = "time.process_time_ns", kThreadTime[] = "time.thread_time",
                      kThreadTimeNs[] = "time.thread_time_ns";

// ------------------------------------------------------------------- sleep

// The wait itself, kept in one place: the GIL must be released around it
// (ARCHITECTURE.md, decision 6) so other Python threads run meanwhile.
// Returns false with an exception set (an interrupt from the host).
bool time_sleep_impl(ThreadState* ts, double seconds) {
    return sleep_interruptible(ts, seconds);
}

static Ref<> time_sleep(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    Interpreter& interp = *ts->interp;
    if (!check_no_kwargs(ts, "sleep", kw) || !check_nargs(ts, "time.sleep", nargs, 1, 1)) return nullptr;
    double secs;
    if (is_float(args[0])) {
        if (!float_as_double(ts, args[0], &secs)) return nullptr;
        if (std::isnan(secs)) return raise(ts, interp.exc.ValueError, "Invalid value NaN (not a number)");
    } else {
        // _PyTime_FromObject: anything else must be an integer.
        Ref<> i = number_index(ts, args[0]);
        if (!i || !int_as_double(ts, i.get(), &secs)) return nullptr;
    }
    if (secs < 0) return raise(ts, interp.exc.ValueError, "sleep length must be non-negative");
    if (!time_sleep_impl(ts, secs)) return nullptr;
    return newref(interp.None);
}

// ------------------------------------------------------------- struct_time

static const GetSetDef struct_time_fields[] = {
    {"tm_year", structseq_get<0>, structseq_readonly, "year, for example, 1993"},
    {"tm_mon", structseq_get<1>, structseq_readonly, "month of year, range [1, 12]"},
    {"tm_mday", structseq_get<2>, structseq_readonly, "day of month, range [1, 31]"},
    {"tm_hour", structseq_get<3>, structseq_readonly, "hours, range [0, 23]"},
    {"tm_min", structseq_get<4>, structseq_readonly, "minutes, range [0, 59]"},
    {"tm_sec", structseq_get<5>, structseq_readonly, "seconds, range [0, 61])"},
    {"tm_wday", structseq_get<6>, structseq_readonly, "day of week, range [0, 6], Monday is 0"},
    {"tm_yday", structseq_get<7>, structseq_readonly, "day of year, range [1, 366]"},
    {"tm_isdst", structseq_get<8>, structseq_readonly, "1 if summer time is in effect, 0 if not, and -1 if unknown"},
    {"tm_zone", structseq_get<9>, structseq_readonly, "abbreviation of timezone name"},
    {"tm_gmtoff", structseq_get<10>, structseq_readonly, "offset from UTC in seconds"},
    {nullptr, nullptr, nullptr, nullptr},
};

// The module keeps its struct_time type in its namespace; functions find it
// there through their `self` (the module).
static TypeObject* struct_time_type(ThreadState* ts, Object* module) {
    Object* t = dict_get_cstr(ts, static_cast<ModuleObject*>(module)->md_dict, "struct_time");
    return t && type_has_flag(type_of(t), TPFLAGS_TYPE_SUBCLASS) ? static_cast<TypeObject*>(t) : nullptr;
}

// C's struct tm -> struct_time (tmtotuple).
static Ref<> tm_to_struct_time(ThreadState* ts, Object* module, const std::tm& tm, const char* zone, long gmtoff) {
    TypeObject* type = struct_time_type(ts, module);
    if (!type) return raise(ts, ts->interp->exc.SystemError, "time.struct_time is missing");
    Ref<TupleObject> r = structseq_new(ts, type);
    if (!r) return nullptr;
    const int64_t values[] = {int64_t(tm.tm_year) + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                              tm.tm_sec, (tm.tm_wday + 6) % 7, tm.tm_yday + 1, tm.tm_isdst};
    for (int i = 0; i < 9; i++) {
        Ref<> v = int_from_i64(ts, values[i]);
        if (!v) return nullptr;
        r->ob_item[i] = v.release();
    }
    Ref<> z = str_from_utf8(ts, zone ? zone : "");
    Ref<> off = int_from_i64(ts, gmtoff);
    if (!z || !off) return nullptr;
    r->ob_item[9] = z.release();
    r->ob_item[10] = off.release();
    return r;
}

// struct_time or 9-tuple -> struct tm (gettmarg), with CPython's checks.
static bool tuple_to_tm(ThreadState* ts, Object* arg, std::tm* tm, const char* fname) {
    Interpreter& interp = *ts->interp;
    if (!is_tuple(arg)) {
        raise(ts, interp.exc.TypeError, "Tuple or struct_time argument required");
        return false;
    }
    auto* t = as_tuple(arg);
    if (t->ob_size != 9) {
        raise(ts, interp.exc.TypeError, std::string(fname) + "(): illegal time tuple argument");
        return false;
    }
    int64_t v[9];
    for (int i = 0; i < 9; i++) {
        Ref<> n = number_index(ts, t->ob_item[i]);
        if (!n) return false;
        if (!int_as_i64(n.get(), &v[i]) || v[i] > INT32_MAX || v[i] < INT32_MIN) {
            raise(ts, interp.exc.OverflowError, "Python int too large to convert to C int");
            return false;
        }
    }
    *tm = std::tm{};
    tm->tm_year = int(v[0] - 1900);
    tm->tm_mon = int(v[1] - 1);
    tm->tm_mday = int(v[2]);
    tm->tm_hour = int(v[3]);
    tm->tm_min = int(v[4]);
    tm->tm_sec = int(v[5]);
    tm->tm_wday = int((v[6] + 1) % 7);
    tm->tm_yday = int(v[7] - 1);
    tm->tm_isdst = int(v[8]);
    return true;
}

// checktm: the ranges strftime and asctime accept (CPython normalises 0 to
// the minimum for the month, day and day-of-year fields first).
static bool check_tm(ThreadState* ts, std::tm* tm) {
    Interpreter& interp = *ts->interp;
    if (tm->tm_mon == -1) tm->tm_mon = 0;
    if (tm->tm_mday == 0) tm->tm_mday = 1;
    if (tm->tm_yday == -1) tm->tm_yday = 0;
    const char* msg = nullptr;
    if (tm->tm_mon < 0 || tm->tm_mon > 11) msg = "month out of range";
    else if (tm->tm_mday < 0 || tm->tm_mday > 31) msg = "day of month out of range";
    else if (tm->tm_hour < 0 || tm->tm_hour > 23) msg = "hour out of range";
    else if (tm->tm_min < 0 || tm->tm_min > 59) msg = "minute out of range";
    else if (tm->tm_sec < 0 || tm->tm_sec > 61) msg = "seconds out of range";
    else if (tm->tm_wday < 0) msg = "day of week out of range";
    else if (tm->tm_yday < 0 || tm->tm_yday > 365) msg = "day of year out of range";
    if (msg) {
        raise(ts, interp.exc.ValueError, msg);
        return false;
    }
    return true;
}

// The optional `secs` argument: None or absent means now.
static bool parse_secs(ThreadState* ts, const char* fname, Object* const* args, isize nargs, TupleObject* kw,
                       std::time_t* out) {
    Interpreter& interp = *ts->interp;
    if (!check_no_kwargs(ts, fname, kw) || !check_tuple_nargs(ts, fname, nargs, 0, 1)) return false;
    if (nargs == 0 || args[0] == interp.None) {
        *out = std::time(nullptr);
        return true;
    }
    double d;
    if (is_float(args[0])) {
        if (!float_as_double(ts, args[0], &d)) return false;
        if (std::isnan(d)) {
            raise(ts, interp.exc.ValueError, "Invalid value NaN (not a number)");
            return false;
        }
        d = std::trunc(d);   // _PyTime_ROUND_FLOOR toward the past for whole seconds
    } else {
        Ref<> i = number_index(ts, args[0]);
        if (!i) return false;
        int64_t v;
        if (!int_as_i64(i.get(), &v)) {
            raise(ts, interp.exc.OverflowError, "timestamp out of range for platform time_t");
            return false;
        }
        d = double(v);
    }
    if (d > 9.2e18 || d < -9.2e18) {
        raise(ts, interp.exc.OverflowError, "timestamp out of range for platform time_t");
        return false;
    }
    *out = std::time_t(d);
    return true;
}

static Ref<> time_gmtime(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    std::time_t t;
    if (!parse_secs(ts, "gmtime", args, nargs, kw, &t)) return nullptr;
    std::tm tm{};
    if (!gmtime_r(&t, &tm)) return raise(ts, ts->interp->exc.OverflowError, "timestamp out of range for platform time_t");
    return tm_to_struct_time(ts, self, tm, tm.tm_zone, tm.tm_gmtoff);
}

static Ref<> time_localtime(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kw) {
    std::time_t t;
    if (!parse_secs(ts, "localtime", args, nargs, kw, &t)) return nullptr;
    std::tm tm{};
    if (!localtime_r(&t, &tm)) return raise(ts, ts->interp->exc.OverflowError, "timestamp out of range for platform time_t");
    return tm_to_struct_time(ts, self, tm, tm.tm_zone, tm.tm_gmtoff);
}

static Ref<> time_mktime(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "mktime", kw) || !check_nargs(ts, "time.mktime", nargs, 1, 1)) return nullptr;
    std::tm tm;
    if (!tuple_to_tm(ts, args[0], &tm, "mktime")) return nullptr;
    tm.tm_wday = -1;   // sentinel: mktime() sets it on success
    std::time_t t = std::mktime(&tm);
    if (t == std::time_t(-1) && tm.tm_wday == -1)
        return raise(ts, ts->interp->exc.OverflowError, "mktime argument out of range");
    return float_from_double(ts, double(t));
}

// "Sun Jun 20 23:21:05 1993", as CPython's _asctime formats it.
static std::string format_asctime(const std::tm& tm) {
    static const char* const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s %s%3d %.2d:%.2d:%.2d %d", days[tm.tm_wday % 7], months[tm.tm_mon % 12],
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, 1900 + tm.tm_year);
    return buf;
}

static Ref<> time_asctime(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    if (!check_no_kwargs(ts, "asctime", kw) || !check_nargs(ts, "asctime", nargs, 0, 1)) return nullptr;
    std::tm tm{};
    if (nargs == 0) {
        std::time_t now = std::time(nullptr);
        localtime_r(&now, &tm);
    } else if (!tuple_to_tm(ts, args[0], &tm, "asctime") || !check_tm(ts, &tm)) {
        return nullptr;
    }
    return str_from_utf8(ts, format_asctime(tm));
}

static Ref<> time_ctime(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    std::time_t t;
    if (!parse_secs(ts, "ctime", args, nargs, kw, &t)) return nullptr;
    std::tm tm{};
    if (!localtime_r(&t, &tm)) return raise(ts, ts->interp->exc.OverflowError, "timestamp out of range for platform time_t");
    return str_from_utf8(ts, format_asctime(tm));
}

static Ref<> time_strftime(ThreadState* ts, Object*, Object* const* args, isize nargs, TupleObject* kw) {
    Interpreter& interp = *ts->interp;
    if (!check_no_kwargs(ts, "strftime", kw) || !check_tuple_nargs(ts, "strftime", nargs, 1, 2)) return nullptr;
    if (!is_str(args[0]))
        return raise(ts, interp.exc.TypeError,
                     std::string("strftime() argument 1 must be str, not ") + type_name(args[0]));
    std::tm tm{};
    std::string zone;
    if (nargs == 1) {
        std::time_t now = std::time(nullptr);
        localtime_r(&now, &tm);
    } else {
        if (!tuple_to_tm(ts, args[1], &tm, "strftime") || !check_tm(ts, &tm)) return nullptr;
        // A struct_time carries its zone in the hidden fields: %Z and %z see it.
        if (type_of(args[1])->tp_getset == struct_time_fields) {
            auto* t = as_tuple(args[1]);
            if (is_str(t->ob_item[9])) zone = std::string(str_utf8(t->ob_item[9]));
            int64_t off = 0;
            if (is_int(t->ob_item[10]) && int_as_i64(t->ob_item[10], &off)) tm.tm_gmtoff = long(off);
            tm.tm_zone = zone.c_str();
        }
    }
    std::string fmt(str_utf8(args[0]));
    if (fmt.empty()) return str_from_utf8(ts, "");
    // strftime() returns 0 both for "buffer too small" and for an empty
    // result; grow the buffer a few times, as CPython does.
    for (std::size_t size = 256; size <= 256 * fmt.size() + 4096; size *= 2) {
        std::string buf(size, '\0');
        std::size_t n = std::strftime(buf.data(), size, fmt.c_str(), &tm);
        if (n > 0 || size > 16 * fmt.size()) return str_from_utf8(ts, std::string_view(buf.data(), n));
    }
    return str_from_utf8(ts, "");
}

static const MethodDef time_methods[] = {
    {"time", clock_seconds<CLOCK_REALTIME, kTime>, 0,
     "time() -> floating point number\n\nReturn the current time in seconds since the Epoch."},
    {"time_ns", clock_nanoseconds<CLOCK_REALTIME, kTimeNs>, 0,
     "time_ns() -> int\n\nReturn the current time in nanoseconds since the Epoch."},
    {"monotonic", clock_seconds<CLOCK_MONOTONIC, kMonotonic>, 0, "monotonic() -> float\n\nMonotonic clock, cannot go backward."},
    {"monotonic_ns", clock_nanoseconds<CLOCK_MONOTONIC, kMonotonicNs>, 0,
     "monotonic_ns() -> int\n\nMonotonic clock, cannot go backward, as nanoseconds."},
    {"perf_counter", clock_seconds<CLOCK_MONOTONIC, kPerfCounter>, 0,
     "perf_counter() -> float\n\nPerformance counter for benchmarking."},
    {"perf_counter_ns", clock_nanoseconds<CLOCK_MONOTONIC, kPerfCounterNs>, 0,
     "perf_counter_ns() -> int\n\nPerformance counter for benchmarking as nanoseconds."},
    {"process_time", clock_seconds<CLOCK_PROCESS_CPUTIME_ID, kProcessTime>, 0,
     "process_time() -> float\n\nProcess time for profiling: sum of the kernel and user-space CPU time."},
    {"process_time_ns", clock_nanoseconds<CLOCK_PROCESS_CPUTIME_ID, kProcessTimeNs>, 0,
     "process_time() -> int\n\nProcess time for profiling as nanoseconds:\nsum of the kernel and user-space CPU time."},
    {"thread_time", clock_seconds<CLOCK_THREAD_CPUTIME_ID, kThreadTime>, 0,
     "thread_time() -> float\n\nThread time for profiling: sum of the kernel and user-space CPU time."},
    {"thread_time_ns", clock_nanoseconds<CLOCK_THREAD_CPUTIME_ID, kThreadTimeNs>, 0,
     "thread_time() -> int\n\nThread time for profiling as nanoseconds:\nsum of the kernel and user-space CPU time."},
    {"sleep", time_sleep, 0, "sleep(seconds)\n\nDelay execution for a given number of seconds."},
    {"gmtime", time_gmtime, 0,
     "gmtime([seconds]) -> (tm_year, tm_mon, tm_mday, tm_hour, tm_min,\n"
     "                       tm_sec, tm_wday, tm_yday, tm_isdst)\n\nConvert seconds since the Epoch to a time tuple expressing UTC."},
    {"localtime", time_localtime, 0,
     "localtime([seconds]) -> (tm_year,tm_mon,tm_mday,tm_hour,tm_min,\n"
     "                          tm_sec,tm_wday,tm_yday,tm_isdst)\n\nConvert seconds since the Epoch to a time tuple expressing local time."},
    {"mktime", time_mktime, 0, "mktime(tuple) -> floating point number\n\nConvert a time tuple in local time to seconds since the Epoch."},
    {"asctime", time_asctime, 0, "asctime([tuple]) -> string\n\nConvert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'."},
    {"ctime", time_ctime, 0, "ctime(seconds) -> string\n\nConvert a time in seconds since the Epoch to a string in local time."},
    {"strftime", time_strftime, 0, "strftime(format[, tuple]) -> string\n\nConvert a time tuple to a string according to a format specification."},
    {nullptr, nullptr, 0, nullptr},
};

Ref<ModuleObject> make_time_module(ThreadState* ts) {
    Ref<ModuleObject> m = module_new(ts, "time");
    if (!m || !module_add_functions(ts, m.get(), time_methods)) return nullptr;
    Ref<TypeObject> st = structseq_new_type(
        ts, "time.struct_time", struct_time_fields, 9,
        "The time value as returned by gmtime(), localtime(), and strptime(), and\n"
        " accepted by asctime(), mktime() and strftime().  May be considered as a\n"
        " sequence of 9 integers.");
    if (!st || !module_add_object(ts, m.get(), "struct_time", st.get())) return nullptr;
    // timezone, altzone, daylight, tzname as CPython's init_timezone computes
    // them: from the zone in effect in January and in July of this year.
    tzset();
    std::time_t now = std::time(nullptr);
    std::tm here{};
    localtime_r(&now, &here);
    std::tm jan{}, jul{};
    std::time_t year_start = now - std::time_t(here.tm_yday) * 86400;
    std::time_t mid_year = year_start + std::time_t(182) * 86400;
    localtime_r(&year_start, &jan);
    localtime_r(&mid_year, &jul);
    long jan_off = -jan.tm_gmtoff, jul_off = -jul.tm_gmtoff;
    std::string jan_name = jan.tm_zone ? jan.tm_zone : "", jul_name = jul.tm_zone ? jul.tm_zone : "";
    bool south = jan_off < jul_off;   // southern hemisphere: summer time in January
    long std_off = south ? jul_off : jan_off, dst_off = south ? jan_off : jul_off;
    std::string std_name = south ? jul_name : jan_name, dst_name = south ? jan_name : jul_name;
    Ref<> n1 = str_from_utf8(ts, std_name), n2 = str_from_utf8(ts, dst_name);
    if (!n1 || !n2) return nullptr;
    Ref<TupleObject> tzname = tuple_pack(ts, {n1.get(), n2.get()});
    if (!tzname || !module_add_int(ts, m.get(), "timezone", std_off) ||
        !module_add_int(ts, m.get(), "altzone", dst_off) ||
        !module_add_int(ts, m.get(), "daylight", jan_off != jul_off) ||
        !module_add_object(ts, m.get(), "tzname", tzname.get()))
        return nullptr;
    return m;
}

}  // namespace gp
