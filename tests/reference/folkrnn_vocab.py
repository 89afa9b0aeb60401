"""A 137-token vocabulary shaped like folk-rnn v2's, for test models and fixtures.

The real v2 vocabulary cannot be shipped; this one has the same categories and size and holds
every token that appears in ../shared/data/folk-rnn-samples/. Indices are deliberately not in
display order (the real file's came from a Python set).
"""

SPECIAL = ["<s>", "</s>"]
METER = ["M:2/2", "M:2/4", "M:3/2", "M:3/4", "M:4/4", "M:5/4", "M:6/8", "M:7/8", "M:9/8", "M:12/8"]
MODE = ["K:Cmaj", "K:Cmin", "K:Cdor", "K:Cmix"]
MEASURE = ["|", "|:", ":|", "|1", "|2", "||", "[1", "[2", "::", "]", "["]
GROUPING = ["(2", "(3", "(4", "(5", "(6", "(7", "(9"]
REST = ["z", "x"]
DURATION = ["2", "3", "4", "5", "6", "7", "8", "9", "12", "16", "/2", "/3", "/4", "/8", "3/2", "3/4",
            "5/2", "7/2", "2>", ">", "<", "2<", "/2>", "/2<"]
NATURAL = ["C,", "D,", "E,", "F,", "G,", "A,", "B,", "C", "D", "E", "F", "G", "A", "B",
           "c", "d", "e", "f", "g", "a", "b", "c'", "d'", "e'", "f'", "g'"]
SHARP = ["^C,", "^D,", "^F,", "^G,", "^A,", "^C", "^D", "^F", "^G", "^A", "^c", "^d", "^f", "^g", "^a",
         "^c'", "^f'"]
FLAT = ["_D,", "_E,", "_G,", "_A,", "_B,", "_D", "_E", "_G", "_A", "_B", "_d", "_e", "_g", "_a", "_b", "_e'"]
NATURAL_SIGN = ["=A,", "=B,", "=C,", "=E,", "=F,", "=A", "=B", "=C", "=D", "=E", "=F", "=G", "=a", "=b",
                "=c", "=d", "=e", "=f"]

ORDERED = SPECIAL + METER + MODE + MEASURE + GROUPING + REST + DURATION + NATURAL + SHARP + FLAT + NATURAL_SIGN


def v2_like_vocabulary(shuffle_seed=2016):
    """Tokens in a fixed pseudo-random index order (as the real token2idx)."""
    import random
    tokens = list(ORDERED)
    random.Random(shuffle_seed).shuffle(tokens)
    return tokens


assert len(ORDERED) == 137, len(ORDERED)
assert len(set(ORDERED)) == 137
