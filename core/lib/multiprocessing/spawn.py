"""multiprocessing.spawn: how a child interpreter starts.

CPython's spawn start method runs a new python executable that re-imports
the parent's main script under the name __mp_main__ — so that the
functions and classes the parent pickled by name exist again — and then
unpickles the Process object and calls its _bootstrap(). glasspy's child is
a new interpreter on its own OS thread (core/runtime/processes.h); its C++
start-up calls _child_main() below with the pickled Process object.

The main program is re-run only when the parent's __main__ came from a
file (it has __file__), as in CPython: a program given with -c or on
standard input is not run again, and pickled references to its functions
cannot be resolved in the child.
"""

import sys
import types

import _glasspy_mp

__all__ = ['get_executable', 'set_executable', 'get_preparation_data',
           'get_command_line', 'import_main_path']

WINEXE = False
WINSERVICE = False
_python_exe = getattr(sys, 'executable', '')


def set_executable(exe):
    global _python_exe
    _python_exe = exe


def get_executable():
    return _python_exe


def get_command_line(**kwds):
    prog = 'from multiprocessing.spawn import spawn_main; spawn_main(%s)'
    prog %= ', '.join('%s=%r' % item for item in kwds.items())
    return [_python_exe, '-c', prog, '--multiprocessing-fork']


def get_preparation_data(name):
    # What a child needs to look like its parent (here: shared by the
    # interpreter itself; kept for programs that call it).
    d = dict(name=name, sys_path=sys.path, sys_argv=sys.argv, dir=None,
             start_method='spawn')
    main_module = sys.modules['__main__']
    main_path = getattr(main_module, '__file__', None)
    if main_path is not None:
        d['init_main_from_path'] = main_path
    return d


def _run_main_as_mp_main(source, filename):
    # runpy.run_path(filename, run_name="__mp_main__"), from the text the
    # parent ran (a browser page has no file to read it from).
    import builtins
    main_module = types.ModuleType("__mp_main__")
    main_module.__file__ = filename
    main_module.__builtins__ = builtins
    main_module.__spec__ = None
    main_module.__loader__ = None
    main_module.__package__ = None
    sys.modules['__main__'] = sys.modules['__mp_main__'] = main_module
    code = compile(source, filename, 'exec')
    exec(code, main_module.__dict__)


def import_main_path(main_path):
    """Set sys.modules['__main__'] to module at main_path"""
    with open(main_path) as f:
        source = f.read()
    _run_main_as_mp_main(source, main_path)


def _child_main(payload):
    # The child's entry point (called from C++, run_child_main): returns
    # the exit code.
    source, filename = _glasspy_mp.main_program()
    if filename and not filename.startswith('<'):
        _run_main_as_mp_main(source, filename)
    else:
        main_module = types.ModuleType("__main__")
        import builtins
        main_module.__builtins__ = builtins
        sys.modules['__main__'] = main_module
    from . import reduction
    process_obj = reduction.loads(payload)
    return process_obj._bootstrap()


def spawn_main(pipe_handle=None, parent_pid=None, tracker_fd=None):
    raise RuntimeError("glasspy starts children as interpreters; spawn_main() is not used")
