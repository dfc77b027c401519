// keyword_module.cpp — the `keyword` module: keywords (from the Python 3.11 grammar): kwlist, softkwlist, iskeyword, issoftkeyword.
// Written in Python and frozen into the interpreter as source (see
// frozen.h); the module docstring below explains how it works.
namespace gp {

extern const char kKeywordModuleSource[];
const char kKeywordModuleSource[] = R"py("""Keywords (from the Python 3.11 grammar): kwlist, softkwlist, iskeyword, issoftkeyword."""

__all__ = ["iskeyword", "issoftkeyword", "kwlist", "softkwlist"]

kwlist = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break",
    "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
    "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not",
    "or", "pass", "raise", "return", "try", "while", "with", "yield",
]

softkwlist = ["_", "case", "match"]

iskeyword = frozenset(kwlist).__contains__
issoftkeyword = frozenset(softkwlist).__contains__
)py";

}  // namespace gp
