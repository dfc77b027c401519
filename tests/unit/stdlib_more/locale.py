# locale: setlocale with the C, POSIX and C.UTF-8 locales, getlocale, localeconv, number formatting, Error
import locale
print(locale.LC_CTYPE, locale.LC_NUMERIC, locale.LC_TIME, locale.LC_COLLATE, locale.LC_MONETARY, locale.LC_MESSAGES, locale.LC_ALL, locale.CHAR_MAX)
print(locale.setlocale(locale.LC_ALL, 'C'), locale.getlocale(), locale.setlocale(locale.LC_NUMERIC))
print(locale.setlocale(locale.LC_ALL, 'POSIX'), locale.setlocale(locale.LC_ALL))
print(locale.setlocale(locale.LC_CTYPE, 'C.UTF-8'), locale.getlocale(), locale.getlocale(locale.LC_NUMERIC))
print(locale.setlocale(locale.LC_ALL))
try:
    locale.getlocale(locale.LC_ALL)
except TypeError as e:
    print('TypeError', e)
print(locale.getpreferredencoding(False), locale.getencoding())
print(locale.setlocale(locale.LC_ALL, 'C.UTF-8'), locale.getlocale(locale.LC_ALL))
for bad in ['xx_YY', 'en_US.NOPE']:
    try:
        locale.setlocale(locale.LC_ALL, bad)
    except locale.Error as e:
        print(repr(e), isinstance(e, Exception))
print(locale.localeconv())
print(locale.format_string('%d items at %.2f (%s) %%', (1234567, 3.14159, 'x'), grouping=True))
print(locale.format_string('%(n)5d|%(f)-8.3f|', {'n': 42, 'f': 2.5}))
print(locale.format_string('%*d', (6, 12)))
print(locale.str(3.5), locale.str(1e20), locale.atof('3.5'), locale.atoi('42'), locale.delocalize('1.5'), locale.localize('1234.5', grouping=True))
try:
    locale.currency(1234.5)
except ValueError as e:
    print('ValueError', e)
print(locale.strcoll('a', 'b'), locale.strcoll('b', 'a'), locale.strcoll('x', 'x'), locale.strxfrm('abc'))
print(sorted(['b', 'A', 'a', 'B'], key=locale.strxfrm))
print(locale.normalize('en_US'), locale.normalize('C.UTF-8'), locale.normalize('C'), locale.normalize('POSIX'), locale.normalize('de_DE.utf8'))
print(locale.nl_langinfo(locale.CODESET), locale.nl_langinfo(locale.RADIXCHAR), locale.nl_langinfo(locale.D_T_FMT), locale.nl_langinfo(locale.DAY_1), locale.nl_langinfo(locale.ABMON_12))
locale.setlocale(locale.LC_ALL, 'C')
print(locale.nl_langinfo(locale.CODESET), locale.setlocale(locale.LC_ALL, ('C', None)))
