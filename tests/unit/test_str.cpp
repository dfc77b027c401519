// str: the PEP 393 representation, hashing, interning, repr, methods and
// formatting. Expected values are CPython 3.11's.
#include <catch2/catch.hpp>

#include <string>

#include "glasspy.h"
#include "objects/abstract.h"
#include "objects/dictobject.h"
#include "objects/longobject.h"
#include "objects/sliceobject.h"
#include "objects/tupleobject.h"
#include "objects/typeobject.h"
#include "objects/unicode_db.h"
#include "objects/unicodeobject.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "test_support.h"

using namespace gp;

namespace {

std::string text(Object* o) { return std::string(str_utf8(o)); }

// The pending exception as "TypeName: message" (clears it).
std::string pending_error(ThreadState* ts) {
    Ref<> exc = error_fetch(ts);
    if (!exc) return "";
    Ref<> msg = object_str(ts, exc.get());
    return std::string(type_name(exc.get())) + ": " + (msg ? text(msg.get()) : "?");
}

// Calls obj.name(*args) and returns its str(), or the error.
std::string call(ThreadState* ts, Object* obj, const char* name, std::initializer_list<Object*> args = {}) {
    Ref<> r = call_method(ts, obj, name, args.begin(), isize(args.size()));
    if (!r) return pending_error(ts);
    Ref<> s = object_repr(ts, r.get());
    return s ? text(s.get()) : pending_error(ts);
}

Ref<> S(ThreadState* ts, const char* utf8) { return str_from_utf8(ts, utf8); }

}  // namespace

TEST_CASE("a str stores each code point in the narrowest kind that fits", "[str]") {
    Session session;
    ThreadState* ts = session.interpreter().main_thread();
    SECTION("ASCII is one byte per character and doubles as UTF-8") {
        Ref<> s = S(ts, "Hello");
        StrObject* so = as_str(s.get());
        CHECK(so->kind == 1);
        CHECK(so->ascii);
        CHECK(so->length == 5);
        CHECK(str_utf8(so).data() == static_cast<char*>(so->data()));
        CHECK(str_sizeof(so) == 54);   // sys.getsizeof("Hello") in CPython 3.11
    }
    SECTION("Latin-1, UCS-2 and UCS-4 strings report CPython's sizes") {
        CHECK(str_sizeof(as_str(S(ts, "\xc3\xa9").get())) == 74);          // 'é'
        CHECK(str_sizeof(as_str(S(ts, "\xe2\x82\xac").get())) == 76);      // '€'
        CHECK(str_sizeof(as_str(S(ts, "\xf0\x9f\x98\x80").get())) == 80);  // '😀'
        CHECK(as_str(S(ts, "a\xe2\x82\xac").get())->kind == 2);
        CHECK(as_str(S(ts, "a\xf0\x9f\x98\x80").get())->kind == 4);
    }
    SECTION("slicing back to ASCII narrows the kind again") {
        Ref<> s = S(ts, "abc\xe2\x82\xac");
        CHECK(as_str(s.get())->kind == 2);
        Ref<> stop = int_from_i64(ts, 3);
        Ref<> sl = slice_new(ts, nullptr, stop.get(), nullptr);
        Ref<> sub = object_getitem(ts, s.get(), sl.get());
        REQUIRE(sub);
        CHECK(as_str(sub.get())->kind == 1);
        CHECK(as_str(sub.get())->ascii);
        CHECK(str_equal_ascii(as_str(sub.get()), "abc"));
    }
    SECTION("invalid UTF-8 decodes to U+FFFD, encoded surrogates are kept") {
        Ref<> bad = str_from_utf8(ts, std::string_view("a\xff" "b", 3));
        CHECK(as_str(bad.get())->length == 3);
        CHECK(str_char_at(as_str(bad.get()), 1) == 0xFFFD);
        Ref<> sur = str_from_utf8(ts, "\xed\xa0\x80");
        CHECK(as_str(sur.get())->length == 1);
        CHECK(str_char_at(as_str(sur.get()), 0) == 0xD800);
    }
}

TEST_CASE("empty and one-character Latin-1 strings are cached", "[str]") {
    Session session;
    Interpreter& interp = session.interpreter();
    ThreadState* ts = interp.main_thread();
    CHECK(S(ts, "").get() == interp.empty_str);
    CHECK(S(ts, "a").get() == interp.latin1_chars['a']);
    CHECK(str_from_char(ts, 0xE9).get() == interp.latin1_chars[0xE9]);
    CHECK(str_from_char(ts, 0x20AC).get() != str_from_char(ts, 0x20AC).get());
}

TEST_CASE("str hashes are stable, never -1, and hash('') is 0", "[str]") {
    Session session;
    ThreadState* ts = session.interpreter().main_thread();
    Ref<> a = S(ts, "spam");
    Ref<> b = S(ts, "spam");
    CHECK(a.get() != b.get());
    CHECK(str_hash(as_str(a.get())) == str_hash(as_str(b.get())));
    CHECK(str_hash(as_str(a.get())) != -1);
    CHECK(str_hash(as_str(S(ts, "").get())) == 0);
    CHECK(str_hash(as_str(a.get())) != str_hash(as_str(S(ts, "spam!").get())));
}

TEST_CASE("interning returns one shared object and its table references are not counted", "[str]") {
    Session session;
    Interpreter& interp = session.interpreter();
    ThreadState* ts = interp.main_thread();
    const char* name = "an_identifier_nobody_else_uses";
    Ref<> a = str_intern(ts, S(ts, name));
    REQUIRE(a);
    CHECK(as_str(a.get())->interned == 1);
    CHECK(a->ob_refcnt == 1);   // CPython 3.11: "mortal" interned strings
    Ref<> b = str_intern(ts, S(ts, name));
    CHECK(a.get() == b.get());
    CHECK(a->ob_refcnt == 2);
    SECTION("the last reference removes the string from the table") {
        isize before = dict_size(interp.interned);
        a.reset();
        b.reset();
        CHECK(dict_size(interp.interned) == before - 1);
    }
}

TEST_CASE("str repr chooses quotes and escapes like CPython", "[str]") {
    Session session;
    ThreadState* ts = session.interpreter().main_thread();
    auto repr = [&](const char* utf8) { return text(str_repr(ts, S(ts, utf8).get()).get()); };
    CHECK(repr("abc") == "'abc'");
    CHECK(repr("a'b") == "\"a'b\"");
    CHECK(repr("a'b\"c") == "'a\\'b\"c'");
    CHECK(repr("tab\there\n") == "'tab\\there\\n'");
    CHECK(repr("\x01\x7f") == "'\\x01\\x7f'");
    CHECK(repr("\xc2\x80\xc2\xa0\xc2\xad") == "'\\x80\\xa0\\xad'");   // U+0080, NBSP, soft hyphen
    CHECK(repr("\xc3\xa9\xe2\x82\xac") == "'\xc3\xa9\xe2\x82\xac'");  // printable: kept
    CHECK(repr("\xe2\x80\xa8") == "'\\u2028'");                        // line separator
    CHECK(repr("\xf0\x9f\x98\x80") == "'\xf0\x9f\x98\x80'");
    CHECK(repr("\xf3\xa0\x80\x81") == "'\\U000e0001'");                // language tag (Cf)
}

TEST_CASE("the Unicode database answers as CPython 3.11 (Unicode 14.0)", "[str]") {
    CHECK(uni_has(U'a', UF_LOWER));
    CHECK(uni_has(0x3A3, UF_UPPER));          // Σ
    CHECK(uni_has(0x01C5, UF_TITLE));         // ǅ
    CHECK(uni_has(0x00B2, UF_DIGIT));         // ²
    CHECK(!uni_has(0x00B2, UF_DECIMAL));
    CHECK(uni_has(0x00BD, UF_NUMERIC));       // ½
    CHECK(uni_decimal(0x0663) == 3);          // Arabic-Indic three
    CHECK(uni_isspace(0x3000));
    CHECK(!uni_isprintable(0x0378));          // unassigned
    uint32_t out[3];
    CHECK(uni_case_full(0x00DF, CaseKind::Upper, out) == 2);   // ß -> SS
    CHECK(out[0] == 'S');
    CHECK(uni_case_full(0x0130, CaseKind::Lower, out) == 2);   // İ -> i̇
}

TEST_CASE("str methods follow CPython's semantics", "[str]") {
    Session session;
    ThreadState* ts = session.interpreter().main_thread();
    Ref<> comma = S(ts, ",");
    SECTION("case mapping is full Unicode, with the final sigma rule") {
        CHECK(call(ts, S(ts, "Stra\xc3\x9f" "e").get(), "upper") == "'STRASSE'");
        CHECK(call(ts, S(ts, "\xce\x9f\xce\x94\xce\x9f\xce\xa3 \xce\xa3").get(), "lower") == "'\xce\xbf\xce\xb4\xce\xbf\xcf\x82 \xcf\x83'");
        CHECK(call(ts, S(ts, "hello world").get(), "title") == "'Hello World'");
        CHECK(call(ts, S(ts, "\xc7\x86" "emal").get(), "capitalize") == "'\xc7\x85" "emal'");
        CHECK(call(ts, S(ts, "Stra\xc3\x9f" "e").get(), "casefold") == "'strasse'");
        CHECK(call(ts, S(ts, "hELLO").get(), "swapcase") == "'Hello'");
    }
    SECTION("split and join") {
        CHECK(call(ts, S(ts, "a,b,,c").get(), "split", {comma.get()}) == "['a', 'b', '', 'c']");
        CHECK(call(ts, S(ts, "  a b  c ").get(), "split") == "['a', 'b', 'c']");
        CHECK(call(ts, S(ts, "a\nb\r\nc").get(), "splitlines") == "['a', 'b', 'c']");
        Ref<> empty = S(ts, "");
        CHECK(call(ts, S(ts, "abc").get(), "split", {empty.get()}) == "ValueError: empty separator");
        Ref<> one = int_from_i64(ts, 1);
        Ref<TupleObject> bad = tuple_pack(ts, {one.get()});
        CHECK(call(ts, comma.get(), "join", {bad.get()}) ==
              "TypeError: sequence item 0: expected str instance, int found");
    }
    SECTION("searching") {
        Ref<> b = S(ts, "b");
        CHECK(call(ts, S(ts, "abcb").get(), "rfind", {b.get()}) == "3");
        CHECK(call(ts, S(ts, "abcb").get(), "count", {b.get()}) == "2");
        Ref<> x = S(ts, "x");
        CHECK(call(ts, S(ts, "abc").get(), "index", {x.get()}) == "ValueError: substring not found");
        Ref<> one = int_from_i64(ts, 1);
        CHECK(call(ts, S(ts, "abc").get(), "startswith", {one.get()}) ==
              "TypeError: startswith first arg must be str or a tuple of str, not int");
    }
    SECTION("padding and stripping") {
        Ref<> w = int_from_i64(ts, 6);
        Ref<> star = S(ts, "*");
        CHECK(call(ts, S(ts, "ab").get(), "center", {w.get(), star.get()}) == "'**ab**'");
        CHECK(call(ts, S(ts, "-42").get(), "zfill", {w.get()}) == "'-00042'");
        CHECK(call(ts, S(ts, "xxaxx").get(), "strip", {S(ts, "x").get()}) == "'a'");
        Ref<> two = S(ts, "ab");
        CHECK(call(ts, S(ts, "a").get(), "center", {w.get(), two.get()}) ==
              "TypeError: The fill character must be exactly one character long");
    }
    SECTION("predicates") {
        CHECK(call(ts, S(ts, "_x1").get(), "isidentifier") == "True");
        CHECK(call(ts, S(ts, "1x").get(), "isidentifier") == "False");
        CHECK(call(ts, S(ts, "Ab Cd").get(), "istitle") == "True");
        CHECK(call(ts, S(ts, "\xc2\xb2").get(), "isdecimal") == "False");
        CHECK(call(ts, S(ts, "").get(), "isprintable") == "True");
    }
}

TEST_CASE("str.format and the format mini-language", "[str]") {
    SECTION("fields by position, keyword, attribute and index") {
        auto r = test::run("print('{} {}'.format(1, 'a'), '{0}{1}{0}'.format('a', 'b'), '{x}'.format(x=5))\n"
                           "print('{0[0]}'.format(['q']), '{!r:>5}'.format('a'), '{{}}'.format())\n");
        CHECK(r.out == "1 a aba 5\nq   'a' {}\n");
    }
    SECTION("alignment, fill, precision and nested specs") {
        auto r = test::run("print('{:*^9}|{:.2}|{:<4}|{:>4}'.format('mid', 'abc', 'a', 'b'))\n"
                           "print('{:{}}|'.format('ab', 5), '{:05}'.format('ab'))\n");
        CHECK(r.out == "***mid***|ab|a   |   b\nab   | ab000\n");
    }
    SECTION("errors carry CPython's messages") {
        CHECK(test::run("'{'.format()").err.find("ValueError: Single '{' encountered in format string") != std::string::npos);
        CHECK(test::run("'{0}'.format()").err.find("IndexError: Replacement index 0 out of range for positional args tuple") != std::string::npos);
        CHECK(test::run("'{}{0}'.format(1)").err.find("ValueError: cannot switch from automatic field numbering to manual field specification") != std::string::npos);
        CHECK(test::run("'{:d}'.format('a')").err.find("ValueError: Unknown format code 'd' for object of type 'str'") != std::string::npos);
        CHECK(test::run("'{:=5}'.format('a')").err.find("ValueError: '=' alignment not allowed in string format specifier") != std::string::npos);
    }
}

TEST_CASE("printf-style formatting with %", "[str]") {
    auto r = test::run("print('%s %d %5.2f %x %o %r %%' % ('a', 42, 3.14159, 255, 8, 'q'))\n"
                       "print('%(a)s-%(b)s' % {'a': 1, 'b': 2}, '%-5s|%05d' % ('x', 42), '%c%c' % (65, 'B'))\n"
                       "print('%#x %#o %+d % d %.3d' % (255, 8, 5, 5, 7))\n");
    CHECK(r.out == "a 42  3.14 ff 10 'q' %\n1-2 x    |00042 AB\n0xff 0o10 +5  5 007\n");
    CHECK(test::run("'%s %s' % (1,)").err.find("TypeError: not enough arguments for format string") != std::string::npos);
    CHECK(test::run("'%s' % (1, 2)").err.find("TypeError: not all arguments converted during string formatting") != std::string::npos);
    CHECK(test::run("'%d' % 'a'").err.find("TypeError: %d format: a real number is required, not str") != std::string::npos);
    CHECK(test::run("'%z' % 1").err.find("ValueError: unsupported format character 'z' (0x7a) at index 1") != std::string::npos);
}

TEST_CASE("str.encode uses CPython's codecs and error handlers", "[str]") {
    Session session;
    ThreadState* ts = session.interpreter().main_thread();
    std::string out;
    Ref<> s = S(ts, "h\xc3\xa9\xe2\x82\xac");   // 'hé€'
    REQUIRE(unicode_encode(ts, as_str(s.get()), "utf-8", "strict", &out));
    CHECK(out == "h\xc3\xa9\xe2\x82\xac");
    REQUIRE(unicode_encode(ts, as_str(s.get()), "latin-1", "replace", &out));
    CHECK(out == "h\xe9?");
    REQUIRE(unicode_encode(ts, as_str(s.get()), "ascii", "xmlcharrefreplace", &out));
    CHECK(out == "h&#233;&#8364;");
    REQUIRE(unicode_encode(ts, as_str(s.get()), "ASCII", "backslashreplace", &out));
    CHECK(out == "h\\xe9\\u20ac");
    CHECK(!unicode_encode(ts, as_str(s.get()), "ascii", "strict", &out));
    CHECK(pending_error(ts) ==
          "UnicodeEncodeError: 'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)");
    CHECK(!unicode_encode(ts, as_str(s.get()), "nope", "strict", &out));
    CHECK(pending_error(ts) == "LookupError: unknown encoding: nope");
    Ref<> back = unicode_decode(ts, "caf\xc3\xa9", "utf8", "strict");
    CHECK(text(back.get()) == "caf\xc3\xa9");
    CHECK(!unicode_decode(ts, "\xff", "utf-8", "strict"));
    CHECK(pending_error(ts) ==
          "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
}

TEST_CASE("str indexing, slicing, repetition and comparison", "[str]") {
    auto r = test::run("s = 'h\u00e9llo'\n"
                       "print(s[1], s[-1], s[::-1], s[1:4:2], s * 2, 'a' in s, s < 'i', len(s))\n");
    CHECK(r.out == "\xc3\xa9 o oll\xc3\xa9h \xc3\xa9l h\xc3\xa9lloh\xc3\xa9llo False True 5\n");
    CHECK(test::run("'abc'[5]").err.find("IndexError: string index out of range") != std::string::npos);
    CHECK(test::run("'a' + 1").err.find("TypeError: can only concatenate str (not \"int\") to str") != std::string::npos);
    CHECK(test::run("1 in 'a'").err.find("TypeError: 'in <string>' requires string as left operand, not int") != std::string::npos);
}
