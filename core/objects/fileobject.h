// fileobject.h — open() and the file objects it returns.
//
// A small stand-in for CPython 3.11's io stack (Modules/_io/: FileIO under
// BufferedReader/BufferedWriter/BufferedRandom under TextIOWrapper). Here
// one object does all three layers' jobs: it owns a C stdio stream on the
// real filesystem (natively, or Emscripten's virtual FS in the browser) and
// presents either the text interface (str in, str out, encoding and
// universal newlines) or the binary one (bytes in and out). The types carry
// CPython's names, so type(open(p)).__name__ is 'TextIOWrapper' and
// type(open(p, 'rb')).__name__ is 'BufferedReader'.
#pragma once

#include <cstdio>
#include <string>

#include "objects/object.h"

namespace gp {

struct TupleObject;

struct FileObject : Object {
    std::FILE* fp;             // owned stdio stream; null once closed
    Object* name;              // owned: the `file` argument of open()
    Object* mode;              // owned str: the mode as `f.mode` shows it
    Object* encoding;          // owned str (text files), else null
    Object* errors;            // owned str (text files), else null
    Object* newline;           // owned: None or the newline argument (text files), else null
    bool readable;
    bool writable;
    bool text;                 // TextIOWrapper (else a Buffered* binary file)
    bool closefd;              // close the descriptor when closing (open(fd, closefd=False))
    // Text reading decodes the rest of the file on first use and serves
    // read()/readline() from it (valid until a seek or write).
    std::u32string* rbuf;      // owned (new/delete), or null
    std::size_t rpos;          // next character of *rbuf
    long rstart;               // byte offset of the stream where *rbuf began
};

// open(file, mode='r', buffering=-1, encoding=None, errors=None,
//      newline=None, closefd=True, opener=None)
Ref<> builtin_open(ThreadState* ts, Object* self, Object* const* args, isize nargs, TupleObject* kwnames);

// Raises the OSError subclass CPython picks for errno `err` (FileNotFoundError
// for ENOENT, ...), with its message "[Errno 2] No such file or directory:
// 'x'" and the errno/strerror/filename attributes. `filename` may be null.
std::nullptr_t raise_os_error(ThreadState* ts, int err, Object* filename);

// The Linux number of the platform's errno value `err`, which is what
// OSError.errno and the errno module show (CPython on Linux is the
// reference). The identity natively; WebAssembly's C library numbers errors
// its own way (ENOENT is 44 there), which would also make OSError() miss
// the subclass (FileNotFoundError) it picks by number.
int linux_errno(int err);
// The reverse: the platform's value for a Linux errno (os.strerror(2)).
int platform_errno(int linux_err);

// Fills text_file, buffered_reader, buffered_writer and buffered_random.
bool init_file_types(ThreadState* ts);

}  // namespace gp
