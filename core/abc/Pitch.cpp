#include "core/abc/Pitch.h"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <vector>

namespace folkrnn::abc {

namespace {

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string trim(const std::string &s)
{
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos)
        return {};
    return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

int letterIndex(char c)
{
    static constexpr char letters[] = "CDEFGAB";
    for (int i = 0; i < 7; ++i)
        if (std::toupper(static_cast<unsigned char>(c)) == letters[i])
            return i;
    return -1;
}

struct ModeSpelling {
    Mode mode;
    const char *token; // folk-rnn mode token suffix
    const char *abc;   // ABC K: suffix
    int fifths;        // relative to the major key on the same tonic
};
constexpr ModeSpelling kModes[] = {
    {Mode::Major, "maj", "", 0},      {Mode::Minor, "min", "m", -3},   {Mode::Dorian, "dor", "Dor", -2},
    {Mode::Mixolydian, "mix", "Mix", -1}, {Mode::Phrygian, "phr", "Phr", -4}, {Mode::Lydian, "lyd", "Lyd", 1},
    {Mode::Locrian, "loc", "Loc", -5},
};

const ModeSpelling &spelling(Mode m)
{
    for (const auto &s : kModes)
        if (s.mode == m)
            return s;
    return kModes[0];
}

// Mode word of a K: field: "", "m", "min", "minor", "Dor", "mixolydian", "ionian", "aeolian"...
bool parseModeWord(const std::string &word, Mode &mode)
{
    const std::string w = lower(word);
    if (w.empty()) {
        mode = Mode::Major;
        return true;
    }
    if (w == "m") {
        mode = Mode::Minor;
        return true;
    }
    if (w.size() < 3)
        return false;
    static const std::pair<const char *, Mode> prefixes[] = {
        {"maj", Mode::Major},      {"ion", Mode::Major},    {"min", Mode::Minor},   {"aeo", Mode::Minor},
        {"dor", Mode::Dorian},     {"mix", Mode::Mixolydian}, {"phr", Mode::Phrygian}, {"lyd", Mode::Lydian},
        {"loc", Mode::Locrian},
    };
    for (const auto &[p, m] : prefixes)
        if (w.compare(0, 3, p) == 0) {
            mode = m;
            return true;
        }
    return false;
}

} // namespace

const char *modeName(Mode m)
{
    switch (m) {
    case Mode::Major: return "major";
    case Mode::Minor: return "minor";
    case Mode::Dorian: return "dorian";
    case Mode::Mixolydian: return "mixolydian";
    case Mode::Phrygian: return "phrygian";
    case Mode::Lydian: return "lydian";
    case Mode::Locrian: return "locrian";
    }
    return "?";
}

bool isFolkRnnMode(Mode m)
{
    return m == Mode::Major || m == Mode::Minor || m == Mode::Dorian || m == Mode::Mixolydian;
}

bool parseNoteName(const std::string &text, NoteName &note)
{
    std::size_t k = 0;
    NoteName n;
    if (text.compare(0, 2, "^^") == 0) {
        n.accidental = 2;
        k = 2;
    } else if (text.compare(0, 2, "__") == 0) {
        n.accidental = -2;
        k = 2;
    } else if (!text.empty() && (text[0] == '^' || text[0] == '_' || text[0] == '=')) {
        n.accidental = text[0] == '^' ? 1 : text[0] == '_' ? -1 : 0;
        k = 1;
    }
    if (k >= text.size())
        return false;
    const char c = text[k];
    n.letter = letterIndex(c);
    if (n.letter < 0 || !std::isalpha(static_cast<unsigned char>(c)))
        return false;
    n.octave = std::islower(static_cast<unsigned char>(c)) ? 1 : 0;
    for (++k; k < text.size(); ++k) {
        if (text[k] == ',')
            --n.octave;
        else if (text[k] == '\'')
            ++n.octave;
        else
            return false;
    }
    note = n;
    return true;
}

std::string noteText(const NoteName &note)
{
    std::string s;
    if (note.accidental) {
        const int a = *note.accidental;
        s = a == 2 ? "^^" : a == 1 ? "^" : a == 0 ? "=" : a == -1 ? "_" : "__";
    }
    static constexpr char letters[] = "CDEFGAB";
    if (note.octave <= 0) {
        s += letters[note.letter];
        s.append(static_cast<std::size_t>(-note.octave), ',');
    } else {
        s += static_cast<char>(std::tolower(letters[note.letter]));
        s.append(static_cast<std::size_t>(note.octave - 1), '\'');
    }
    return s;
}

int Key::fifths() const
{
    static constexpr int majorFifths[] = {0, 2, 4, -1, 1, 3, 5}; // C D E F G A B
    return majorFifths[letter] + 7 * accidental + spelling(mode).fifths;
}

std::array<int, 7> Key::signature() const
{
    static constexpr int sharpOrder[] = {3, 0, 4, 1, 5, 2, 6}; // F C G D A E B
    static constexpr int flatOrder[] = {6, 2, 5, 1, 4, 0, 3};  // B E A D G C F
    std::array<int, 7> sig{};
    const int f = fifths();
    for (int k = 0; k < std::abs(f); ++k) {
        if (f > 0)
            ++sig[static_cast<std::size_t>(sharpOrder[k % 7])];
        else
            --sig[static_cast<std::size_t>(flatOrder[k % 7])];
    }
    return sig;
}

bool parseKeyField(const std::string &rawValue, Key &key, std::string &problem)
{
    const std::string value = trim(rawValue);
    const std::string lv = lower(value);
    if (value.empty() || lv == "none") {
        problem = "K:" + value + " gives no tonic to transpose to C";
        return false;
    }
    if (lv == "hp") {
        problem = "K:" + value + " (Highland pipes) is not a major, minor, dorian or mixolydian key";
        return false;
    }
    Key k;
    std::size_t p = 0;
    k.letter = letterIndex(value[0]);
    if (k.letter < 0) {
        problem = "K:" + value + " does not start with a tonic A-G";
        return false;
    }
    ++p;
    if (p < value.size() && (value[p] == '#' || value[p] == 'b')) {
        k.accidental = value[p] == '#' ? 1 : -1;
        ++p;
    }
    // The mode word may follow the tonic directly ("Am") or after spaces ("A minor").
    std::istringstream rest(value.substr(p));
    std::vector<std::string> words;
    for (std::string w; rest >> w;)
        words.push_back(w);
    std::size_t w = 0;
    Mode mode = Mode::Major;
    if (!words.empty() && words[0].find('=') == std::string::npos && std::isalpha(static_cast<unsigned char>(words[0][0])) &&
        parseModeWord(words[0], mode))
        w = 1;
    else if (p < value.size() && value[p] != ' ' && value[p] != '\t') {
        problem = "K:" + value + " has an unrecognised mode";
        return false;
    }
    k.mode = mode;
    static const char *clefs[] = {"treble", "bass", "alto", "tenor", "baritone", "soprano", "mezzosoprano", "bass3",
                                  "alto1", "alto2", "perc", "none"};
    for (; w < words.size(); ++w) {
        const std::string word = lower(words[w]);
        if (word[0] == '^' || word[0] == '_' || word[0] == '=' || word == "exp") {
            problem = "K:" + value + " has explicit key accidentals";
            return false;
        }
        if (word.rfind("clef=", 0) == 0 || word.rfind("stafflines=", 0) == 0 || word.rfind("staffscale=", 0) == 0 ||
            std::find(std::begin(clefs), std::end(clefs), word) != std::end(clefs))
            continue; // display only
        problem = "K:" + value + " has a parameter that changes pitches or is not understood (\"" + words[w] + "\")";
        return false;
    }
    if (std::abs(k.fifths()) > 7) {
        problem = "K:" + value + " needs more than 7 sharps or flats";
        return false;
    }
    key = k;
    return true;
}

std::string abcKeyText(const Key &key)
{
    std::string s(1, "CDEFGAB"[key.letter]);
    if (key.accidental)
        s += key.accidental > 0 ? "#" : "b";
    return s + spelling(key.mode).abc;
}

std::string modeToken(const Key &key)
{
    std::string s = "K:";
    s += "CDEFGAB"[key.letter];
    if (key.accidental)
        s += key.accidental > 0 ? "#" : "b";
    return s + spelling(key.mode).token;
}

bool parseModeToken(const std::string &token, Key &key)
{
    if (token.size() < 6 || token.compare(0, 2, "K:") != 0)
        return false;
    Key k;
    k.letter = letterIndex(token[2]);
    if (k.letter < 0 || !std::isupper(static_cast<unsigned char>(token[2])))
        return false;
    std::size_t p = 3;
    if (token[p] == '#' || token[p] == 'b') {
        k.accidental = token[p] == '#' ? 1 : -1;
        ++p;
    }
    const std::string suffix = token.substr(p);
    for (const auto &s : kModes)
        if (suffix == s.token) {
            k.mode = s.mode;
            key = k;
            return true;
        }
    return false;
}

bool parseMeterField(const std::string &rawValue, int &numerator, int &denominator)
{
    const std::string v = trim(rawValue);
    if (v == "C") {
        numerator = denominator = 4;
        return true;
    }
    if (v == "C|") {
        numerator = denominator = 2;
        return true;
    }
    const auto slash = v.find('/');
    if (slash == std::string::npos || slash == 0 || slash + 1 >= v.size() || slash > 2 || v.size() - slash - 1 > 2)
        return false;
    const std::string a = v.substr(0, slash), b = v.substr(slash + 1);
    auto isNum = [](const std::string &s) {
        return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
    };
    if (!isNum(a) || !isNum(b))
        return false;
    numerator = std::stoi(a);
    denominator = std::stoi(b);
    // A meter's denominator is a note value: 1, 2, 4, 8, 16... (abc2midi refuses others).
    return numerator > 0 && denominator > 0 && (denominator & (denominator - 1)) == 0;
}

bool parseMeterToken(const std::string &token, int &numerator, int &denominator)
{
    if (token.size() < 5 || token.compare(0, 2, "M:") != 0)
        return false;
    const std::string v = token.substr(2);
    if (v.find_first_not_of("0123456789/") != std::string::npos)
        return false;
    return parseMeterField(v, numerator, denominator);
}

} // namespace folkrnn::abc
