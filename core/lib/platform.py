"""What glasspy runs on (CPython 3.11's platform module, written for glasspy).

The answers are glasspy's own, never borrowed from CPython's: the system and
machine come from uname(2) -- the host's kernel natively, "Emscripten" and
"wasm32" in the WebAssembly build -- and the implementation is glasspy,
which implements the language of Python 3.11 (sys.version_info).
"""

import collections as _collections
import os as _os
import sys as _sys

__all__ = ['architecture', 'machine', 'node', 'platform', 'processor', 'python_branch',
           'python_build', 'python_compiler', 'python_implementation', 'python_revision',
           'python_version', 'python_version_tuple', 'release', 'system', 'uname', 'version',
           'libc_ver', 'freedesktop_os_release', 'mac_ver', 'win32_ver', 'java_ver']


class uname_result(_collections.namedtuple("uname_result", "system node release version machine")):
    """A uname_result: the five uname(2) fields and processor."""

    @property
    def processor(self):
        return processor()

    def __iter__(self):
        return iter(tuple(super().__iter__()) + (self.processor,))

    def __getitem__(self, key):
        return tuple(self)[key]

    def __len__(self):
        return 6

    def __reduce__(self):
        return uname_result, tuple(self)[:5]


uname_result._fields = ('system', 'node', 'release', 'version', 'machine', 'processor')

_uname_cache = None


def uname():
    global _uname_cache
    if _uname_cache is None:
        try:
            u = _os.uname()
            parts = (u.sysname, u.nodename, u.release, u.version, u.machine)
        except (AttributeError, OSError):
            parts = ('', '', '', '', '')
        _uname_cache = uname_result(*parts)
    return _uname_cache


def system():
    return uname().system


def node():
    return uname().node


def release():
    return uname().release


def version():
    return uname().version


def machine():
    return uname().machine


def processor():
    # Linux has no portable way to name the processor; CPython answers ''.
    return ''


def architecture(executable=None, bits='', linkage=''):
    size = (_sys.maxsize.bit_length() + 1)
    return (bits or '%dbit' % size, linkage or ('WASM' if machine().startswith('wasm') else 'ELF'))


def _implementation_name():
    impl = getattr(_sys, 'implementation', None)
    return getattr(impl, 'name', None) or 'glasspy'


def python_implementation():
    return _implementation_name()


def python_version_tuple():
    return tuple(str(x) for x in _sys.version_info[:3])


def python_version():
    return '.'.join(python_version_tuple())


def python_branch():
    return ''


def python_revision():
    return ''


def python_build():
    return ('glasspy', '')


def python_compiler():
    return 'glasspy'


def libc_ver(executable=None, lib='', version='', chunksize=16384):
    return (lib, version)


def mac_ver(release='', versioninfo=('', '', ''), machine=''):
    return release, versioninfo, machine


def win32_ver(release='', version='', csd='', ptype=''):
    return release, version, csd, ptype


def java_ver(release='', vendor='', vminfo=('', '', ''), osinfo=('', '', '')):
    return release, vendor, vminfo, osinfo


def freedesktop_os_release():
    raise OSError("Unable to read files /etc/os-release, /usr/lib/os-release")


def platform(aliased=False, terse=False):
    u = uname()
    if terse:
        return '%s-%s' % (u.system, u.release)
    return '-'.join(p for p in (u.system, u.release, u.machine) if p)
