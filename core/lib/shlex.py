"""A lexer for shell-like syntax: split a command line into words the way a
POSIX shell would (quotes, backslash escapes, comments), quote a word so a
shell reads it back unchanged, and join words into a command line.

The lexer reads one character at a time and moves between states:
' ' (between tokens), 'a' (inside a word), 'c' (inside a run of
punctuation), a quote character (inside that kind of quotes) or the escape
character (just after a backslash). posix=True selects the shell's rules;
posix=False the older, simpler ones, where quotes stay in the token."""

import os
import re
import sys
from collections import deque
from io import StringIO

__all__ = ["shlex", "split", "quote", "join"]


class shlex:
    "A lexical analyzer class for simple shell-like syntaxes."

    def __init__(self, instream=None, infile=None, posix=False, punctuation_chars=False):
        if isinstance(instream, str):
            instream = StringIO(instream)
        if instream is not None:
            self.instream = instream
            self.infile = infile
        else:
            self.instream = sys.stdin
            self.infile = None
        self.posix = posix
        self.eof = None if posix else ''
        self.commenters = '#'
        self.wordchars = 'abcdfeghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'
        if posix:
            self.wordchars += ('ßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ'
                               'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ')
        self.whitespace = ' \t\r\n'
        self.whitespace_split = False
        self.quotes = '\'"'
        self.escape = '\\'
        self.escapedquotes = '"'
        self.state = ' '
        self.pushback = deque()
        self.lineno = 1
        self.debug = 0
        self.token = ''
        self.filestack = deque()
        self.source = None
        if not punctuation_chars:
            punctuation_chars = ''
        elif punctuation_chars is True:
            punctuation_chars = '();<>|&'
        self._punctuation_chars = punctuation_chars
        if punctuation_chars:
            # Characters pushed back while reading a punctuation run.
            self._pushback_chars = deque()
            self.wordchars += '~-./*?='
            self.wordchars = ''.join(c for c in self.wordchars if c not in punctuation_chars)

    @property
    def punctuation_chars(self):
        return self._punctuation_chars

    def push_token(self, tok):
        "Push a token onto the stack popped by the get_token method"
        self.pushback.appendleft(tok)

    def push_source(self, newstream, newfile=None):
        "Push an input source onto the lexer's input source stack."
        if isinstance(newstream, str):
            newstream = StringIO(newstream)
        self.filestack.appendleft((self.infile, self.instream, self.lineno))
        self.infile = newfile
        self.instream = newstream
        self.lineno = 1

    def pop_source(self):
        "Pop the input source stack."
        self.instream.close()
        (self.infile, self.instream, self.lineno) = self.filestack.popleft()
        self.state = ' '

    def get_token(self):
        "Get a token from the input stream (or from stack if it's nonempty)"
        if self.pushback:
            return self.pushback.popleft()
        raw = self.read_token()
        if self.source is not None:
            while raw == self.source:
                spec = self.sourcehook(self.read_token())
                if spec:
                    newfile, newstream = spec
                    self.push_source(newstream, newfile)
                raw = self.get_token()
        while raw == self.eof:
            if not self.filestack:
                return self.eof
            self.pop_source()
            raw = self.get_token()
        return raw

    def _next_char(self):
        if self._punctuation_chars and self._pushback_chars:
            return self._pushback_chars.pop()
        return self.instream.read(1)

    def _skip_comment(self):
        self.instream.readline()
        self.lineno += 1

    def read_token(self):
        quoted = False             # a quote was seen: '' is then a real token
        escapedstate = ' '         # the state to return to after an escape
        posix = self.posix
        while True:
            ch = self._next_char()
            if ch == '\n':
                self.lineno += 1
            state = self.state
            if state is None:
                self.token = ''    # past the end
                break
            if state == ' ':
                if not ch:
                    self.state = None
                    break
                if ch in self.whitespace:
                    if self.token or (posix and quoted):
                        break
                    continue
                if ch in self.commenters:
                    self._skip_comment()
                elif posix and ch in self.escape:
                    escapedstate = 'a'
                    self.state = ch
                elif ch in self.wordchars:
                    self.token = ch
                    self.state = 'a'
                elif ch in self._punctuation_chars:
                    self.token = ch
                    self.state = 'c'
                elif ch in self.quotes:
                    if not posix:
                        self.token = ch
                    self.state = ch
                elif self.whitespace_split:
                    self.token = ch
                    self.state = 'a'
                else:
                    # A lone character is a token of its own.
                    self.token = ch
                    if self.token or (posix and quoted):
                        break
                    continue
            elif state in self.quotes:
                quoted = True
                if not ch:
                    raise ValueError("No closing quotation")
                if ch == state:
                    if not posix:
                        self.token += ch
                        self.state = ' '
                        break
                    self.state = 'a'
                elif posix and ch in self.escape and state in self.escapedquotes:
                    escapedstate = state
                    self.state = ch
                else:
                    self.token += ch
            elif state in self.escape:
                if not ch:
                    raise ValueError("No escaped character")
                # Inside double quotes a backslash only escapes the quote and
                # itself; before anything else it stays.
                if escapedstate in self.quotes and ch != state and ch != escapedstate:
                    self.token += state
                self.token += ch
                self.state = escapedstate
            elif state in ('a', 'c'):
                if not ch:
                    self.state = None
                    break
                if ch in self.whitespace:
                    self.state = ' '
                    if self.token or (posix and quoted):
                        break
                    continue
                if ch in self.commenters:
                    self._skip_comment()
                    if posix:
                        self.state = ' '
                        if self.token or (posix and quoted):
                            break
                        continue
                elif state == 'c':
                    if ch in self._punctuation_chars:
                        self.token += ch
                    else:
                        if ch not in self.whitespace:
                            self._pushback_chars.append(ch)
                        self.state = ' '
                        break
                elif posix and ch in self.quotes:
                    self.state = ch
                elif posix and ch in self.escape:
                    escapedstate = 'a'
                    self.state = ch
                elif (ch in self.wordchars or ch in self.quotes
                      or (self.whitespace_split and ch not in self._punctuation_chars)):
                    self.token += ch
                else:
                    if self._punctuation_chars:
                        self._pushback_chars.append(ch)
                    else:
                        self.pushback.appendleft(ch)
                    self.state = ' '
                    if self.token or (posix and quoted):
                        break
                    continue
        result = self.token
        self.token = ''
        if posix and not quoted and result == '':
            result = None
        return result

    def sourcehook(self, newfile):
        "Hook called on a filename to be sourced."
        if newfile[0] == '"':
            newfile = newfile[1:-1]
        if isinstance(self.infile, str) and not os.path.isabs(newfile):
            newfile = os.path.join(os.path.dirname(self.infile), newfile)
        return (newfile, open(newfile, "r"))

    def error_leader(self, infile=None, lineno=None):
        "Emit a C-compiler-like, Emacs-friendly error-message leader."
        if infile is None:
            infile = self.infile
        if lineno is None:
            lineno = self.lineno
        return "\"%s\", line %d: " % (infile, lineno)

    def __iter__(self):
        return self

    def __next__(self):
        token = self.get_token()
        if token == self.eof:
            raise StopIteration
        return token


def split(s, comments=False, posix=True):
    """Split the string *s* using shell-like syntax."""
    if s is None:
        import warnings
        warnings.warn("Passing None for 's' to shlex.split() is deprecated.",
                      DeprecationWarning, stacklevel=2)
    lex = shlex(s, posix=posix)
    lex.whitespace_split = True
    if not comments:
        lex.commenters = ''
    return list(lex)


def join(split_command):
    """Return a shell-escaped string from *split_command*."""
    return ' '.join(quote(arg) for arg in split_command)


_find_unsafe = re.compile(r'[^\w@%+=:,./-]', re.ASCII).search


def quote(s):
    """Return a shell-escaped version of the string *s*."""
    if not s:
        return "''"
    if _find_unsafe(s) is None:
        return s
    # Single quotes protect everything but a single quote, which is written
    # as '"'"' (close, a double-quoted quote, reopen).
    return "'" + s.replace("'", "'\"'\"'") + "'"
