"""Text documentation of Python objects: what help(object) prints.

This is the part of CPython's pydoc that help() uses on a non-interactive
stream: render_doc builds "Help on <what> in module <m>:" and the object's
documentation as TextDoc lays it out (a routine's signature and docstring; a
class's signature, docstring, method resolution order and its attributes
sorted into sections by kind and by the class that defines them). There is
no pager, no HTML output, no topic browser and no interactive help> prompt."""

import builtins
import inspect
import sys

__all__ = ['help', 'render_doc', 'getdoc', 'describe', 'plain', 'TextDoc']


def getdoc(object):
    """The object's docstring, cleaned up, or ''. A method without one
    takes the docstring of the method it overrides (inspect.getdoc)."""
    result = _getdoc(object) or _inherited_doc(object) or inspect.getdoc(object)
    return result and result.rstrip() or ''


def _inherited_doc(object):
    func = getattr(object, '__func__', object)
    if not inspect.isfunction(func):
        return None
    # The class the function was defined in, from its qualified name.
    owner = inspect.getmodule(func)
    path = func.__qualname__.split('.')[:-1]
    for part in path:
        if part == '<locals>' or owner is None:
            return None
        owner = getattr(owner, part, None)
    if not inspect.isclass(owner):
        return None
    for base in inspect.getmro(owner)[1:]:
        doc = _getdoc(getattr(base, func.__name__, None))
        if doc:
            return doc
    return None


def _getdoc(object):
    try:
        doc = object.__doc__
    except AttributeError:
        return None
    if not isinstance(doc, str):
        return None
    return inspect.cleandoc(doc)


def _builtin_signature(object):
    """(signature text, rest of the doc) for a glasspy built-in, whose
    docstring starts with its signature line; (None, doc) otherwise."""
    doc = getattr(object, '__doc__', None)
    name = getattr(object, '__name__', None)
    if isinstance(doc, str) and name and doc.startswith(name + '('):
        first, _, rest = doc.partition('\n')
        if first.endswith(')') or ') ->' in first:
            return first[len(name):], inspect.cleandoc(rest) if rest else ''
    return None, None


def classname(object, modname):
    name = object.__name__
    if object.__module__ != modname:
        name = object.__module__ + '.' + name
    return name


def describe(thing):
    """A short description of what kind of object thing is."""
    if inspect.ismodule(thing):
        if thing.__name__ in sys.builtin_module_names:
            return 'built-in module ' + thing.__name__
        if hasattr(thing, '__path__'):
            return 'package ' + thing.__name__
        return 'module ' + thing.__name__
    if inspect.isbuiltin(thing):
        return 'built-in function ' + thing.__name__
    if inspect.isclass(thing):
        return 'class ' + thing.__name__
    if inspect.isfunction(thing):
        return 'function ' + thing.__name__
    if inspect.ismethod(thing):
        return 'method ' + thing.__name__
    if isinstance(thing, property):
        return 'property'
    return type(thing).__name__


def visiblename(name, all=None, obj=None):
    """Decide whether to show documentation on a variable."""
    if name in {'__author__', '__builtins__', '__cached__', '__credits__', '__date__', '__doc__',
                '__file__', '__spec__', '__loader__', '__module__', '__name__', '__package__',
                '__path__', '__qualname__', '__slots__', '__version__'}:
        return 0
    if name.startswith('__') and name.endswith('__'):
        return 1
    if name.startswith('_') and hasattr(obj, '_fields'):
        return True
    if all is not None:
        return name in all
    return not name.startswith('_')


def _is_data_descriptor(value):
    t = type(value)
    return hasattr(t, '__set__') or hasattr(t, '__delete__')


def classify_class_attrs(cls):
    """(name, kind, defining class, raw value) for each attribute of cls,
    kind being 'method', 'class method', 'static method',
    'readonly property', 'data descriptor' or 'data'."""
    result = []
    mro = inspect.getmro(cls)
    for name in dir(cls):
        for base in mro:
            if name in base.__dict__:
                homecls = base
                value = base.__dict__[name]
                break
        else:
            continue
        if isinstance(value, staticmethod):
            kind = 'static method'
        elif isinstance(value, classmethod):
            kind = 'class method'
        elif isinstance(value, property):
            kind = 'readonly property' if value.fset is None else 'data descriptor'
        elif inspect.isroutine(value) or inspect.ismethoddescriptor(value) and not _is_data_descriptor(value):
            kind = 'method'
        elif _is_data_descriptor(value):
            kind = 'data descriptor'
        else:
            kind = 'data'
        result.append((name, kind, homecls, value))
    return result


def _split_list(s, predicate):
    yes, no = [], []
    for x in s:
        (yes if predicate(x) else no).append(x)
    return yes, no


class TextDoc:
    """Formatter of plain-text documentation."""

    def bold(self, text):
        return text

    def indent(self, text, prefix='    '):
        if not text:
            return ''
        lines = [prefix + line for line in text.split('\n')]
        if lines:
            lines[-1] = lines[-1].rstrip()
        return '\n'.join(lines)

    def repr(self, object):
        import reprlib
        r = reprlib.Repr()
        r.maxlist = r.maxtuple = 20
        r.maxdict = 10
        r.maxstring = 100
        return r.repr(object)

    def document(self, object, name=None, *args):
        if inspect.ismodule(object):
            return self.docmodule(object, name, *args)
        if inspect.isclass(object):
            return self.docclass(object, name, *args)
        if inspect.isroutine(object):
            return self.docroutine(object, name, *args)
        if isinstance(object, property):
            return self.docproperty(object, name, *args)
        return self.docother(object, name, *args)

    def docroutine(self, object, name=None, mod=None, cl=None):
        """A function's or method's signature line and docstring."""
        realname = object.__name__
        name = name or realname
        note = ''
        skipdocs = 0
        if inspect.ismethod(object):
            imclass = object.__self__.__class__
            if cl:
                if imclass is not cl:
                    note = ' from ' + classname(imclass, mod)
            elif object.__self__ is not None:
                note = ' method of %s instance' % classname(object.__self__.__class__, mod)
        if inspect.iscoroutinefunction(object) or inspect.isasyncgenfunction(object):
            asyncqualifier = 'async '
        else:
            asyncqualifier = ''
        if name == realname:
            title = self.bold(realname)
        else:
            if cl and cl.__dict__.get(realname, []) is object:
                skipdocs = 1
            title = self.bold(name) + ' = ' + realname
        argspec = None
        doc = None
        if inspect.isbuiltin(object) or not (inspect.isfunction(object) or inspect.ismethod(object)):
            argspec, doc = _builtin_signature(object)
        if argspec is None:
            try:
                signature = inspect.signature(object)
            except (ValueError, TypeError):
                signature = None
            if signature:
                argspec = str(signature)
                if realname == '<lambda>':
                    title = self.bold(name) + ' lambda '
                    argspec = argspec[1:-1]
        if not argspec:
            argspec = '(...)'
        decl = asyncqualifier + title + argspec + note
        if skipdocs:
            return decl + '\n'
        if doc is None:
            doc = getdoc(object) or ''
        return decl + '\n' + (doc and self.indent(doc).rstrip() + '\n')

    def docdata(self, object, name=None, mod=None, cl=None):
        """A data descriptor: its name and docstring."""
        results = []
        if name:
            results.append(self.bold(name))
            results.append('\n')
        doc = getdoc(object) or ''
        if doc:
            results.append(self.indent(doc))
            results.append('\n')
        return ''.join(results)

    docproperty = docdata

    def docother(self, object, name=None, mod=None, parent=None, maxlen=None, doc=None):
        """A data attribute: name = repr."""
        repr = self.repr(object)
        if maxlen:
            line = (name and name + ' = ' or '') + repr
            chop = maxlen - len(line)
            if chop < 0:
                repr = repr[:chop] + '...'
        line = (name and self.bold(name) + ' = ' or '') + repr
        if not doc:
            doc = getdoc(object) if not isinstance(object, (int, float, str, bytes, list, tuple, dict, set)) else None
        if doc:
            line += '\n' + self.indent(str(doc)) + '\n'
        return line

    def docclass(self, object, name=None, mod=None, *ignored):
        """A class: title, signature, docstring, MRO, then its attributes in
        sections, first those defined here, then each base's."""
        realname = object.__name__
        name = name or realname
        bases = object.__bases__

        def makename(c, m=object.__module__):
            return classname(c, m)

        title = 'class ' + realname if name == realname else name + ' = class ' + realname
        if bases:
            title += '(%s)' % ', '.join(map(makename, bases))
        contents = []
        push = contents.append
        try:
            signature = inspect.signature(object)
        except (ValueError, TypeError):
            signature = None
        if signature:
            argspec = str(signature)
            if argspec and argspec != '()':
                push(name + argspec + '\n')
        doc = getdoc(object)
        if doc:
            push(doc + '\n')
        mro = list(inspect.getmro(object))
        if len(mro) > 2:
            push("Method resolution order:")
            for base in mro:
                push('    ' + makename(base))
            push('')

        needrule = [False]

        def rule():
            if needrule[0]:
                push('-' * 70)
            needrule[0] = True

        def spill(msg, attrs, predicate):
            ok, attrs = _split_list(attrs, predicate)
            if ok:
                rule()
                push(msg)
                for name, kind, homecls, value in ok:
                    try:
                        value = getattr(object, name)
                    except Exception:
                        push(self.docdata(value, name, mod))
                    else:
                        push(self.document(value, name, mod, object))
            return attrs

        def spilldescriptors(msg, attrs, predicate):
            ok, attrs = _split_list(attrs, predicate)
            if ok:
                rule()
                push(msg)
                for name, kind, homecls, value in ok:
                    push(self.docdata(value, name, mod))
            return attrs

        def spilldata(msg, attrs, predicate):
            ok, attrs = _split_list(attrs, predicate)
            if ok:
                rule()
                push(msg)
                for name, kind, homecls, value in ok:
                    try:
                        obj = getattr(object, name)
                    except AttributeError:
                        obj = homecls.__dict__[name]
                    push(self.docother(obj, name, mod, maxlen=70) + '\n')
            return attrs

        attrs = [(n, k, c, v) for n, k, c, v in classify_class_attrs(object)
                 if visiblename(n, obj=object)]
        pending = list(mro)
        while attrs:
            thisclass = pending.pop(0) if pending else attrs[0][2]
            attrs, inherited = _split_list(attrs, lambda t: t[2] is thisclass)
            if object is not builtins.object and thisclass is builtins.object:
                attrs = inherited
                continue
            tag = "defined here" if thisclass is object else \
                "inherited from %s" % classname(thisclass, object.__module__)
            attrs.sort(key=lambda attr: attr[0])
            attrs = spill("Methods %s:\n" % tag, attrs, lambda t: t[1] == 'method')
            attrs = spill("Class methods %s:\n" % tag, attrs, lambda t: t[1] == 'class method')
            attrs = spill("Static methods %s:\n" % tag, attrs, lambda t: t[1] == 'static method')
            attrs = spilldescriptors("Readonly properties %s:\n" % tag, attrs,
                                     lambda t: t[1] == 'readonly property')
            attrs = spilldescriptors("Data descriptors %s:\n" % tag, attrs,
                                     lambda t: t[1] == 'data descriptor')
            attrs = spilldata("Data and other attributes %s:\n" % tag, attrs,
                              lambda t: t[1] == 'data')
            attrs = inherited
        contents = '\n'.join(contents)
        if not contents:
            return title + '\n'
        return title + '\n' + self.indent(contents.rstrip(), ' |  ') + '\n'

    def docmodule(self, object, name=None, mod=None, *ignored):
        """A module: NAME, DESCRIPTION, then its classes, functions, data."""
        name = object.__name__
        doc = getdoc(object)
        synop, _, desc = (doc or '').partition('\n')
        result = self.section('NAME', name + (synop and ' - ' + synop))
        if desc.strip():
            result += self.section('DESCRIPTION', desc.strip('\n'))
        all = getattr(object, '__all__', None)
        classes, funcs, data = [], [], []
        for key, value in sorted(vars(object).items()):
            if not visiblename(key, all, object):
                continue
            if inspect.isclass(value):
                if getattr(value, '__module__', None) == name or all is not None:
                    classes.append((key, value))
            elif inspect.isroutine(value):
                if getattr(value, '__module__', name) == name or all is not None:
                    funcs.append((key, value))
            elif not inspect.ismodule(value):
                data.append((key, value))
        if classes:
            result += self.section('CLASSES', '\n'.join(self.document(v, k, name) for k, v in classes))
        if funcs:
            result += self.section('FUNCTIONS', '\n'.join(self.document(v, k, name) for k, v in funcs))
        if data:
            result += self.section('DATA', '\n'.join(self.docother(v, k, name, maxlen=70) for k, v in data))
        file = getattr(object, '__file__', None)
        result += self.section('FILE', file if file else '(built-in)')
        return result

    def section(self, title, contents):
        return self.bold(title) + '\n' + self.indent(contents).rstrip() + '\n\n'


text = TextDoc()


def plain(text):
    """Remove boldface formatting from text."""
    return text


def render_doc(thing, title='Python Library Documentation: %s', forceload=0, renderer=None):
    """The documentation of thing under a title."""
    if renderer is None:
        renderer = text
    if isinstance(thing, str):
        raise ImportError('glasspy: help() on a name is not supported; pass the object itself')
    object, name = thing, getattr(thing, '__name__', None)
    desc = describe(object)
    module = inspect.getmodule(object)
    if name and '.' in name:
        desc += ' in ' + name[:name.rfind('.')]
    elif module and module is not object:
        desc += ' in module ' + module.__name__
    if not (inspect.ismodule(object) or inspect.isclass(object) or inspect.isroutine(object)
            or isinstance(object, property) or _getdoc(object)):
        # An instance: document its class.
        object = type(object)
        desc += ' object'
    return title % desc + '\n\n' + renderer.document(object, name)


def help(request=None):
    """Write the documentation of request to sys.stdout, as help() does."""
    out = sys.stdout
    if request is None:
        out.write("Welcome to glasspy's help. The interactive help utility is not available;\n"
                  "call help(object) to see the documentation of an object.\n")
    else:
        out.write(render_doc(request, title='Help on %s:'))
    out.write('\n')
