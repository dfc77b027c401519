// warnings.h — issuing warnings from C++ and Python (CPython's Python/_warnings.c).
//
// A warning is not an exception that unwinds: it is a message that a filter
// decides the fate of. Every warning passes through warn_explicit(), which
//
//   1. builds the warning object and the key (text, category, lineno);
//   2. asks the module's __warningregistry__ whether that key was shown
//      already (registries are reset whenever the filter list changes);
//   3. runs down the filter list — (action, message regex, category,
//      module regex, lineno) tuples, first match wins — falling back to
//      the default action "default";
//   4. acts: "error" raises the warning as an exception, "ignore" drops it,
//      "always"/"default"/"module"/"once" show it, remembering it in the
//      registry (or the interpreter's once-registry) as the action asks;
//   5. shows it through warnings._showwarnmsg when warnings.py is imported
//      (so warnings.showwarning can be replaced), else writes CPython's
//      two-line report to sys.stderr:
//
//        prog.py:3: DeprecationWarning: old_api() is deprecated
//          old_api()
//
// The filter list is one Python list shared with warnings.py, which imports
// it from the `_warnings` module, exactly as CPython's warnings.py does.
#pragma once

#include <string>
#include <string_view>

#include "objects/object.h"
#include "objects/funcobject.h"

namespace gp {

// warnings.warn(message, category, stacklevel) issued by C++ code: the
// location is the Python frame `stacklevel` levels up (1 = the innermost).
// `source` is the object the warning is about (a never-awaited coroutine),
// or null. Returns false with the exception set if a filter turned the
// warning into an error (or something failed); callers propagate it like
// any error.
bool warn(ThreadState* ts, TypeObject* category, std::string_view message, int stacklevel = 1,
          Object* source = nullptr);

// warnings.warn_explicit: the warning `message` (a str, or a Warning
// instance whose class then is the category) at filename:lineno, attributed
// to `module` (a str, or null to derive it from the filename), remembered in
// `registry` (a dict, or null).
bool warn_explicit(ThreadState* ts, TypeObject* category, Object* message, Object* filename, int lineno,
                   Object* module, Object* registry);

// The `_warnings` module.
Ref<ModuleObject> make_warnings_c_module(ThreadState* ts);

}  // namespace gp
