"""Text wrapping and filling (CPython 3.11's textwrap, written for glasspy).

A TextWrapper cuts text into chunks -- runs of whitespace and words, words
further split after hyphens -- then packs chunks greedily into lines no
longer than `width`, breaking words that are longer than a whole line.
"""

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

# The whitespace textwrap recognises: ASCII only, as CPython's does.
_whitespace = '\t\n\x0b\x0c\r '


def _is_word_char(c):           # regex \w
    return c.isalnum() or c == '_'


def _is_letter(c):              # regex [^\d\W]
    return _is_word_char(c) and not c.isdecimal()


def _is_word_punct(c):          # regex [\w!"'&.,?]
    return _is_word_char(c) or c in '!"\'&.,?'


class TextWrapper:
    unicode_whitespace_trans = {ord(c): ' ' for c in _whitespace}

    def __init__(self, width=70, initial_indent="", subsequent_indent="",
                 expand_tabs=True, replace_whitespace=True,
                 fix_sentence_endings=False, break_long_words=True,
                 drop_whitespace=True, break_on_hyphens=True, tabsize=8,
                 *, max_lines=None, placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    # -- cutting text into chunks --------------------------------------

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(self.unicode_whitespace_trans)
        return text

    def _split(self, text):
        # Alternating runs of whitespace and of everything else.
        runs = []
        i, n = 0, len(text)
        while i < n:
            j = i
            ws = text[i] in _whitespace
            while j < n and (text[j] in _whitespace) == ws:
                j += 1
            runs.append((i, j, ws))
            i = j
        chunks = []
        for start, end, ws in runs:
            if ws or not self.break_on_hyphens:
                chunks.append(text[start:end])
            else:
                self._split_word(text, start, end, chunks)
        return chunks

    @staticmethod
    def _split_word(text, pos, end, chunks):
        # Cuts one run of non-whitespace [pos, end) the way CPython's
        # wordsep_re does: after a hyphen inside a hyphenated word
        # ("long-winded" -> "long-", "winded"), and around em-dashes
        # ("this--that" -> "this", "--", "that").
        def at(k):
            return text[k] if 0 <= k < len(text) else ''

        def letter(k):
            c = at(k)
            return c != '' and _is_letter(c)

        def dashes_then_word(k):
            # -{2,}\w starting at k; returns the index after the dashes or -1.
            m = k
            while m < end and text[m] == '-':
                m += 1
            if m - k >= 2 and m < len(text) and _is_word_char(text[m]):
                return m
            return -1

        while pos < end:
            if pos > 0 and _is_word_punct(at(pos - 1)) and at(pos - 1) not in _whitespace:
                m = dashes_then_word(pos)
                if m != -1:
                    chunks.append(text[pos:m])
                    pos = m
                    continue
            e = pos + 1
            while e < end:
                # a hyphen that ends a hyphenated piece
                if text[e - 1] == '-' and e - 1 > pos:
                    behind = ((letter(e - 3) and letter(e - 2)) or
                              (letter(e - 4) and at(e - 3) == '-' and letter(e - 2)))
                    ahead = letter(e) and (letter(e + 1) or (at(e + 1) == '-' and letter(e + 2)))
                    if behind and ahead:
                        break
                # a word followed by an em-dash
                if _is_word_punct(text[e - 1]) and dashes_then_word(e) != -1:
                    break
                e += 1
            chunks.append(text[pos:e])
            pos = e

    def _fix_sentence_endings(self, chunks):
        i = 0
        while i < len(chunks) - 1:
            c = chunks[i]
            if chunks[i + 1] == " " and self._ends_sentence(c):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    @staticmethod
    def _ends_sentence(c):
        # [a-z][.!?]["']?\Z
        if c[-1:] in ('"', "'"):
            c = c[:-1]
        return len(c) >= 2 and c[-1] in '.!?' and 'a' <= c[-2] <= 'z'

    # -- packing chunks into lines -------------------------------------

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        space_left = 1 if width < 1 else width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and any(c != '-' for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            indent = self.subsequent_indent if self.max_lines > 1 else self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")
        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            # No line but the first starts with whitespace.
            if self.drop_whitespace and chunks[-1].strip() == '' and lines:
                del chunks[-1]
            while chunks:
                n = len(chunks[-1])
                if cur_len + n > width:
                    break
                cur_line.append(chunks.pop())
                cur_len += n
            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(map(len, cur_line))
            if self.drop_whitespace and cur_line and cur_line[-1].strip() == '':
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            if not cur_line:
                continue
            last_allowed = self.max_lines is None or len(lines) + 1 < self.max_lines
            rest_is_blank = (not chunks or
                             (self.drop_whitespace and len(chunks) == 1 and not chunks[0].strip()))
            if last_allowed or (rest_is_blank and cur_len <= width):
                lines.append(indent + ''.join(cur_line))
                continue
            # The last line allowed: end it with the placeholder.
            while cur_line:
                if cur_line[-1].strip() and cur_len + len(self.placeholder) <= width:
                    cur_line.append(self.placeholder)
                    lines.append(indent + ''.join(cur_line))
                    break
                cur_len -= len(cur_line[-1])
                del cur_line[-1]
            else:
                if lines:
                    prev_line = lines[-1].rstrip()
                    if len(prev_line) + len(self.placeholder) <= self.width:
                        lines[-1] = prev_line + self.placeholder
                        break
                lines.append(indent + self.placeholder.lstrip())
            break
        return lines

    def _split_chunks(self, text):
        text = self._munge_whitespace(text)
        return [c for c in self._split(text) if c]

    # -- public interface ----------------------------------------------

    def wrap(self, text):
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(' '.join(text.strip().split()))


def dedent(text):
    # Lines of only blanks and tabs become empty; then the longest run of
    # leading blanks/tabs common to all other lines is removed.
    lines = text.split('\n')
    margin = None
    for i, line in enumerate(lines):
        stripped = line.lstrip(' \t')
        if not stripped:
            lines[i] = ''
            continue
        lead = line[:len(line) - len(stripped)]
        if margin is None:
            margin = lead
        elif lead.startswith(margin):
            pass
        elif margin.startswith(lead):
            margin = lead
        else:
            k = 0
            while k < len(margin) and k < len(lead) and margin[k] == lead[k]:
                k += 1
            margin = margin[:k]
    if margin:
        n = len(margin)
        lines = [ln[n:] if ln.startswith(margin) else ln for ln in lines]
    return '\n'.join(lines)


def indent(text, prefix, predicate=None):
    if predicate is None:
        def predicate(line):
            return line.strip()
    return ''.join(prefix + line if predicate(line) else line
                   for line in text.splitlines(True))
