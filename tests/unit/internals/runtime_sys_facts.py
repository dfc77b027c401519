# the sys facts string and float internals tutorials print: maxunicode (PEP 393), the default and file-system encodings, float_repr_style, api_version
import sys
print(sys.maxunicode, hex(sys.maxunicode), chr(sys.maxunicode) == "\U0010ffff")
print(sys.getdefaultencoding(), sys.getfilesystemencoding(), sys.getfilesystemencodeerrors())
print(sys.float_repr_style, sys.api_version, repr(sys.abiflags), sys.is_finalizing(), sys._xoptions)
try:
    chr(sys.maxunicode + 1)
except ValueError as e:
    print("ValueError:", e)
