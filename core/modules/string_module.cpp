// string_module.cpp — the `string` module: a collection of string constants, capwords(), and the $-substitution.
// Written in Python and frozen into the interpreter as source (see
// frozen.h); the module docstring below explains how it works.
namespace gp {

extern const char kStringModuleSource[];
const char kStringModuleSource[] = R"py("""A collection of string constants, capwords(), and the $-substitution
Template class (PEP 292).

CPython 3.11's Template compiles a regular expression from its delimiter
and identifier pattern; this one scans the template text directly, which
accepts the same templates with the default settings:

    $name      an identifier (ASCII letters, digits, underscores; not
               starting with a digit)
    ${name}    the same, delimited
    $$         a literal $
    anything else after $ is an invalid placeholder.

Subclasses may still change `delimiter`; a custom `idpattern` or `pattern`
(regular expressions) is not supported.
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = " \t\n\r\v\f"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """capwords(s [,sep]) -> string

    Split the argument into words using split, capitalize each
    word using capitalize, and join the capitalized words using
    join.  If the optional second argument sep is absent or None,
    runs of whitespace characters are replaced by a single space
    and leading and trailing whitespace are removed, otherwise
    sep is used to split and join the words."""
    return (sep or " ").join(map(str.capitalize, s.split(sep)))


_ID_START = set(ascii_letters + "_")
_ID_CONTINUE = _ID_START | set(digits)


class _Placeholder:
    # One scanned $-item: kind is "escaped", "named", "braced" or "invalid".
    __slots__ = ("kind", "name", "start", "end")

    def __init__(self, kind, name, start, end):
        self.kind, self.name, self.start, self.end = kind, name, start, end


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = "$"
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    def _scan(self):
        # Yields each placeholder of the template, left to right.
        text, delim = self.template, self.delimiter
        i, n = 0, len(text)
        while True:
            i = text.find(delim, i)
            if i < 0:
                return
            j = i + len(delim)
            if text.startswith(delim, j):
                yield _Placeholder("escaped", None, i, j + len(delim))
                i = j + len(delim)
                continue
            if j < n and text[j] == "{":
                k = j + 1
                if k < n and text[k] in _ID_START:
                    e = k + 1
                    while e < n and text[e] in _ID_CONTINUE:
                        e += 1
                    if e < n and text[e] == "}":
                        yield _Placeholder("braced", text[k:e], i, e + 1)
                        i = e + 1
                        continue
                yield _Placeholder("invalid", None, i, j)
                i = j
                continue
            if j < n and text[j] in _ID_START:
                e = j + 1
                while e < n and text[e] in _ID_CONTINUE:
                    e += 1
                yield _Placeholder("named", text[j:e], i, e)
                i = e
                continue
            yield _Placeholder("invalid", None, i, j)
            i = j

    def _invalid(self, start):
        lines = self.template[:start].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = start - len("".join(lines[:-1]))
            lineno = len(lines)
        raise ValueError(f"Invalid placeholder in string: line {lineno}, col {colno}")

    def _substitute(self, mapping, safe):
        parts = []
        last = 0
        for p in self._scan():
            parts.append(self.template[last:p.start])
            last = p.end
            if p.kind == "escaped":
                parts.append(self.delimiter)
            elif p.kind == "invalid":
                if not safe:
                    self._invalid(p.end)   # CPython reports the position after the delimiter
                parts.append(self.template[p.start:p.end])
            else:
                try:
                    parts.append(str(mapping[p.name]))
                except KeyError:
                    if not safe:
                        raise
                    parts.append(self.template[p.start:p.end])
        parts.append(self.template[last:])
        return "".join(parts)

    def substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)
        return self._substitute(mapping, safe=False)

    def safe_substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)
        return self._substitute(mapping, safe=True)

    def is_valid(self):
        return all(p.kind != "invalid" for p in self._scan())

    def get_identifiers(self):
        ids = []
        for p in self._scan():
            if p.kind in ("named", "braced") and p.name not in ids:
                ids.append(p.name)
            elif p.kind == "invalid":
                raise ValueError("Unrecognized named group in pattern", self.template)
        return ids


class _ChainMap:
    # Keyword arguments first, then the mapping (what collections.ChainMap does here).
    def __init__(self, *maps):
        self.maps = maps

    def __getitem__(self, key):
        for m in self.maps:
            try:
                return m[key]
            except KeyError:
                pass
        raise KeyError(key)


class Formatter:
    """The str.format() machinery as overridable methods (format, vformat,
    get_value, format_field, convert_field). Parsing of the format string is
    delegated to str.format itself; vformat substitutes through get_field."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth, auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError("Max string recursion exceeded")
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is not None:
                if field_name == "":
                    if auto_arg_index is False:
                        raise ValueError("cannot switch from manual field specification to automatic field numbering")
                    field_name = str(auto_arg_index)
                    auto_arg_index += 1
                elif field_name.isdigit():
                    if auto_arg_index:
                        raise ValueError("cannot switch from manual field specification to automatic field numbering")
                    auto_arg_index = False
                obj, arg_used = self.get_field(field_name, args, kwargs)
                used_args.add(arg_used)
                obj = self.convert_field(obj, conversion)
                format_spec = self._vformat(format_spec, args, kwargs, used_args, recursion_depth - 1)
                result.append(self.format_field(obj, format_spec))
        return "".join(result)

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == "s":
            return str(value)
        if conversion == "r":
            return repr(value)
        if conversion == "a":
            return ascii(value)
        raise ValueError(f"Unknown conversion specifier {conversion!s}")

    def parse(self, format_string):
        # (literal_text, field_name, format_spec, conversion) tuples.
        out = []
        i, n = 0, len(format_string)
        literal = []
        while i < n:
            c = format_string[i]
            if c == "{":
                if i + 1 < n and format_string[i + 1] == "{":
                    literal.append("{")
                    i += 2
                    continue
                depth, j = 1, i + 1
                while j < n and depth:
                    if format_string[j] == "{":
                        depth += 1
                    elif format_string[j] == "}":
                        depth -= 1
                    j += 1
                if depth:
                    raise ValueError("expected '}' before end of string")
                field = format_string[i + 1:j - 1]
                conversion = None
                spec = ""
                colon = field.find(":")
                if colon >= 0:
                    field, spec = field[:colon], field[colon + 1:]
                bang = field.find("!")
                if bang >= 0:
                    field, conversion = field[:bang], field[bang + 1:]
                out.append(("".join(literal), field, spec, conversion))
                literal = []
                i = j
            elif c == "}":
                if i + 1 < n and format_string[i + 1] == "}":
                    literal.append("}")
                    i += 2
                    continue
                raise ValueError("Single '}' encountered in format string")
            else:
                literal.append(c)
                i += 1
        if literal:
            out.append(("".join(literal), None, None, None))
        return out

    def get_field(self, field_name, args, kwargs):
        first, rest = field_name, ""
        for k, ch in enumerate(field_name):
            if ch in ".[":
                first, rest = field_name[:k], field_name[k:]
                break
        key = int(first) if first.isdigit() else first
        obj = self.get_value(key, args, kwargs)
        while rest:
            if rest[0] == ".":
                end = len(rest)
                for k in range(1, len(rest)):
                    if rest[k] in ".[":
                        end = k
                        break
                obj = getattr(obj, rest[1:end])
                rest = rest[end:]
            else:
                end = rest.index("]")
                index = rest[1:end]
                obj = obj[int(index) if index.isdigit() else index]
                rest = rest[end + 1:]
        return obj, key
)py";

}  // namespace gp
