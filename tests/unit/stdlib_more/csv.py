# csv reader/writer/DictReader/DictWriter on io.StringIO and files: quoting modes, dialects, multi-line fields, errors
import csv, io, os, tempfile
data = 'name,age,note\r\nAda,36,"likes ""math"", and tea"\r\nBob,,"multi\r\nline"\r\n\r\n"x",1.5,\r\n'
for row in csv.reader(io.StringIO(data, newline='')):
    print(row)
r = csv.reader(['a;b;"c;d"', ' e; f'], delimiter=';', skipinitialspace=True); print(list(r), r.line_num, r.dialect.delimiter)
print(list(csv.reader(['1,"two",3.5'], quoting=csv.QUOTE_NONNUMERIC)), list(csv.reader(['a\\,b,c'], escapechar='\\')), list(csv.reader(['"a"b,c'])))
print(list(csv.reader(['a,"b'])), list(csv.reader(['a\tb'], dialect='excel-tab')), list(csv.reader(['x,"y"'], quoting=csv.QUOTE_NONE)))
s = io.StringIO()
w = csv.writer(s)
print(w.writerow(['plain', 'with,comma', 'with "quote"', 'new\nline', '', None, 3, 2.5, True]))
w.writerows([[''], [], ['a\rb'], ('t', 'u')])
csv.writer(s, quoting=csv.QUOTE_ALL).writerow(['a', 1])
csv.writer(s, quoting=csv.QUOTE_NONNUMERIC, lineterminator='\n').writerow(['a', 1, 2.5, None])
csv.writer(s, quoting=csv.QUOTE_NONE, escapechar='\\', delimiter='|').writerow(['a|b', 'c"d'])
csv.writer(s, doublequote=False, escapechar='\\').writerow(['say "hi"'])
print(repr(s.getvalue()))
csv.register_dialect('pipes', delimiter='|', quoting=csv.QUOTE_MINIMAL, lineterminator='\n')
print(sorted(csv.list_dialects()), csv.get_dialect('pipes').delimiter, list(csv.reader(['a|b'], 'pipes')))
class Semi(csv.Dialect):
    delimiter = ';'; quotechar = "'"; doublequote = True; skipinitialspace = False; lineterminator = '\n'; quoting = csv.QUOTE_MINIMAL
out = io.StringIO(); csv.writer(out, Semi).writerow(["it's", 'b;c']); print(repr(out.getvalue()))
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'people.csv')
    with open(path, 'w', newline='') as f:
        dw = csv.DictWriter(f, fieldnames=['name', 'city', 'age'])
        dw.writeheader()
        dw.writerows([{'name': 'Ada', 'city': 'London', 'age': 36}, {'name': 'Linus', 'age': 54}])
    print(repr(open(path, newline='').read()))
    with open(path, newline='') as f:
        dr = csv.DictReader(f)
        print(dr.fieldnames)
        for row in dr:
            print(row, dr.line_num)
print(list(csv.DictReader(['a,b', '1,2,3,4', '5'], restkey='extra', restval='-')), list(csv.DictReader(['1,2'], fieldnames=['x', 'y'])))
try:
    csv.DictWriter(io.StringIO(), ['a']).writerow({'a': 1, 'b': 2})
except ValueError as e:
    print('ValueError', e)
for bad in ["list(csv.reader(['a,\"b'], strict=True))", "list(csv.reader(['\"a\"b'], strict=True))", "list(csv.reader([b'a,b']))",
            "list(csv.reader(['a\\rb']))", "csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(['a,b'])", "csv.reader([], delimiter='ab')",
            "csv.reader([], quoting=9)", "csv.get_dialect('nope')", "csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow([''])",
            "csv.reader([], quotechar=None, quoting=csv.QUOTE_ALL)", "csv.writer(io.StringIO()).writerow(5)", "csv.writer(5)", "list(csv.reader(['1,x'], quoting=csv.QUOTE_NONNUMERIC))"]:
    try:
        print(eval(bad))
    except Exception as e:
        print(bad, '->', type(e).__module__, type(e).__name__, e)
old = csv.field_size_limit(5)
try:
    list(csv.reader(['abcdefgh']))
except csv.Error as e:
    print(e, old)
csv.field_size_limit(old)
