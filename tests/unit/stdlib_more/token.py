# token: token numbers and names, EXACT_TOKEN_TYPES and the ISTERMINAL/ISEOF helpers
import token
print(token.NAME, token.OP, token.ENDMARKER, token.NL, token.COMMENT, token.ENCODING, token.N_TOKENS, token.NT_OFFSET)
print(token.tok_name[token.ELLIPSIS], token.tok_name[54], len(token.tok_name))
print(sorted(token.EXACT_TOKEN_TYPES.items())[:10])
print(token.ISTERMINAL(5), token.ISNONTERMINAL(300), token.ISEOF(0), token.ISEOF(1))
print(token.__all__[:8], len(token.__all__))
