// source_encoding.h — PEP 263: from a file's bytes to the UTF-8 text the
// tokenizer reads.
//
// A comment matching coding[:=]<name> on line 1, or on line 2 when line 1
// is blank or only a comment, names the codec of the file; a UTF-8 BOM
// means UTF-8. Without either the file is UTF-8, and the tokenizer checks
// that line by line (its "Non-UTF-8 code starting with ..." error).
#pragma once

#include <string>
#include <string_view>

#include "objects/object.h"

namespace gp {

// The normalized name of the codec the first two lines declare (CPython's
// get_normal_name: "utf-8" for utf-8 and utf-8-*, "iso-8859-1" for the
// latin-1 spellings, else the name as written), or "" if none.
std::string declared_source_encoding(std::string_view raw);

// Sets *out to `raw` as UTF-8. A file (from_file: a script or an imported
// module) reports a codec that does not exist or does not fit as a bare
// SyntaxError "encoding problem: <name>", as CPython's file tokenizer does;
// bytes given to compile()/exec()/eval() get the messages of its string
// tokenizer ("unknown encoding: <name>", "(unicode error) ..."), located in
// `filename`. False with the error raised.
bool decode_source_bytes(ThreadState* ts, std::string_view raw, std::string_view filename, bool from_file,
                         std::string* out);

}  // namespace gp
