# html.escape/unescape with named, numeric, invalid and unterminated references; html.entities tables
import html, html.entities
print(html.escape('<a href="x">Tom & \'Jerry\'</a>'), html.escape('<"&\'>', quote=False))
for s in ['&lt;p&gt; &amp;amp; &quot;q&quot; &#39;', '&copy; 2024 &eacute;t&eacute; &euro;5', '&#x41;&#66;&#X43; &#128; &#0; &#xD800; &#1114112; &#1;x',
          '&notit; &notin; &amp &ampx; &unknown; & alone &#; &#x;', 'a &lt b &gt', '&NotEqualTilde; &fjlig; &#65', 'no refs', '&#12345678901234567890;']:
    print(repr(html.unescape(s)))
print(html.entities.name2codepoint['eacute'], html.entities.codepoint2name[169], html.entities.entitydefs['amp'], len(html.entities.html5), html.entities.html5['amp;'])
