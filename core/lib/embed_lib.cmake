# embed_lib.cmake — turns every core/lib/**/*.py into one C++ source file.
#
# Run by the build (see the top-level CMakeLists.txt) as
#   cmake -DLIB_DIR=<core/lib> -DOUT=<generated .cpp> -P embed_lib.cmake
# whenever a .py file changes. The output defines gp::kLibModules, the table
# that find_frozen (core/modules/frozen.cpp) searches after kFrozenModules:
#   core/lib/textwrap.py          -> {"textwrap", <source>, false}
#   core/lib/email/__init__.py    -> {"email", <source>, true}
#   core/lib/email/utils.py       -> {"email.utils", <source>, false}
# Each source becomes a raw string literal; a file that contains the literal's
# closing delimiter is refused rather than silently cut short.

if(NOT LIB_DIR OR NOT OUT)
  message(FATAL_ERROR "embed_lib.cmake needs -DLIB_DIR=... and -DOUT=...")
endif()

file(GLOB_RECURSE files RELATIVE "${LIB_DIR}" "${LIB_DIR}/*.py")
list(SORT files)

set(delim "gp_lib")
set(body "// Generated from core/lib/**/*.py by core/lib/embed_lib.cmake: do not edit.\n")
string(APPEND body "#include \"modules/frozen.h\"\n\nnamespace gp {\n\n")
set(table "const LibModuleDef kLibModules[] = {\n")
set(index 0)
foreach(rel IN LISTS files)
  file(READ "${LIB_DIR}/${rel}" source)
  string(FIND "${source}" ")${delim}\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "core/lib/${rel} contains the raw-string delimiter )${delim}\"")
  endif()
  # Module name: path without .py, "/" -> ".", "pkg/__init__" -> "pkg".
  string(REGEX REPLACE "\\.py$" "" name "${rel}")
  set(is_package false)
  if(name MATCHES "(^|/)__init__$")
    string(REGEX REPLACE "/?__init__$" "" name "${name}")
    set(is_package true)
  endif()
  string(REPLACE "/" "." name "${name}")
  string(APPEND body "// core/lib/${rel}\nstatic const char kLibSource${index}[] = R\"${delim}(${source})${delim}\";\n\n")
  string(APPEND table "    {\"${name}\", kLibSource${index}, ${is_package}},\n")
  math(EXPR index "${index} + 1")
endforeach()
string(APPEND table "    {nullptr, nullptr, false},\n};\n")
string(APPEND body "${table}\n}  // namespace gp\n")

# Rewrite only when the text changed, so an unchanged library does not
# recompile the generated file.
set(old "")
if(EXISTS "${OUT}")
  file(READ "${OUT}" old)
endif()
if(NOT old STREQUAL body)
  file(WRITE "${OUT}" "${body}")
endif()
