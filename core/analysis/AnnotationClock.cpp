#include "core/analysis/AnnotationClock.h"

#include "core/abc/Pitch.h"
#include "core/abc/TokenCategory.h"

#include <cctype>

namespace folkrnn::analysis {

using abc::Rational;

namespace {

bool isBrokenMark(char c) { return c == '>' || c == '<'; }

// "2>" and "/2<": a duration with a broken-rhythm mark glued to it.
bool splitBrokenDuration(const std::string &token, Rational &length, char &mark)
{
    if (token.size() < 2 || !isBrokenMark(token.back()))
        return false;
    mark = token.back();
    return abc::parseDurationText(token.substr(0, token.size() - 1), length);
}

} // namespace

AnnotationClock::Kind AnnotationClock::kindOf(const std::string &token)
{
    int semitones = 0;
    if (pitchHeight(token, semitones))
        return Kind::Note;
    if (token == "z" || token == "x")
        return Kind::Rest;
    if (token == "[")
        return Kind::ChordOpen;
    if (token == "]")
        return Kind::ChordClose;
    if (token.find('|') != std::string::npos || token == "::")
        return Kind::BarLine;
    if (token.size() >= 2 && token[0] == '(' && std::isdigit(static_cast<unsigned char>(token[1])))
        return Kind::Tuplet;
    if (token == ">" || token == "<")
        return Kind::Broken;
    Rational length;
    char mark = 0;
    if (abc::parseDurationText(token, length) || splitBrokenDuration(token, length, mark))
        return Kind::Duration;
    int n = 0, d = 0;
    if (abc::parseMeterToken(token, n, d))
        return Kind::Meter;
    return Kind::Other;
}

void AnnotationClock::closeEvent()
{
    if (eventOpen_)
        pos_ = pos_ + len_ * scale_;
    eventOpen_ = false;
    afterChord_ = false;
}

void AnnotationClock::startEvent()
{
    eventOpen_ = true;
    len_ = Rational(1);
    scale_ = nextScale_;
    nextScale_ = Rational(1);
    if (tupletLeft_ > 0) {
        scale_ = scale_ * tupletScale_;
        --tupletLeft_;
    }
    ++eventsInBar_;
}

void AnnotationClock::setMeter(int numerator, int denominator)
{
    barLength_ = Rational(numerator * 8, denominator);
    compound_ = denominator == 8 && numerator > 3 && numerator % 3 == 0;
}

Rational AnnotationClock::advance(const std::string &token)
{
    const Kind kind = kindOf(token);
    if (inChord_) {
        // Inside "[ ... ]" notes sound together: the chord is one event, as long as its first note.
        if (kind == Kind::Duration && chordLen_.num == 0) {
            Rational length;
            char mark = 0;
            if (abc::parseDurationText(token, length) || splitBrokenDuration(token, length, mark))
                chordLen_ = length;
            return pos_;
        }
        if (kind == Kind::ChordClose) {
            inChord_ = false;
            afterChord_ = true;
            len_ = chordLen_.num == 0 ? Rational(1) : chordLen_;
            return pos_;
        }
        if (kind == Kind::Note || kind == Kind::Rest || kind == Kind::Duration || kind == Kind::Broken)
            return pos_;
        inChord_ = false; // anything else ends a chord that was never closed
    }

    switch (kind) {
    case Kind::Note:
    case Kind::Rest:
    case Kind::ChordOpen: {
        closeEvent();
        const Rational onset = pos_;
        startEvent();
        if (kind == Kind::ChordOpen) {
            inChord_ = true;
            chordLen_ = Rational(0);
        }
        return onset;
    }
    case Kind::Duration: {
        if (!eventOpen_)
            return pos_;
        Rational length;
        char mark = 0;
        const bool broken = splitBrokenDuration(token, length, mark);
        if (!broken)
            abc::parseDurationText(token, length);
        // After "]" a duration multiplies the chord's length; after a note it is the note's length.
        len_ = afterChord_ ? len_ * length : length;
        afterChord_ = false;
        if (broken) {
            scale_ = scale_ * (mark == '>' ? Rational(3, 2) : Rational(1, 2));
            nextScale_ = mark == '>' ? Rational(1, 2) : Rational(3, 2);
        }
        return pos_;
    }
    case Kind::Broken:
        if (eventOpen_) {
            scale_ = scale_ * (token == ">" ? Rational(3, 2) : Rational(1, 2));
            nextScale_ = token == ">" ? Rational(1, 2) : Rational(3, 2);
        }
        return pos_;
    case Kind::ChordClose:
        return pos_; // a "]" with no "[": nothing to close
    case Kind::Tuplet: {
        closeEvent();
        int p = 0;
        for (std::size_t k = 1; k < token.size() && std::isdigit(static_cast<unsigned char>(token[k])) && p < 100; ++k)
            p = p * 10 + (token[k] - '0');
        if (p < 1)
            return pos_;
        const int q = (p == 2 || p == 4 || p == 8) ? 3 : (p == 3 || p == 6) ? 2 : compound_ ? 3 : 2;
        tupletLeft_ = p;
        tupletScale_ = Rational(q, p);
        return pos_;
    }
    case Kind::BarLine: {
        closeEvent();
        const Rational barTime = pos_;
        closedBarEvents_ = eventsInBar_;
        eventsInBar_ = 0;
        pos_ = Rational(0);
        return barTime;
    }
    case Kind::Meter: {
        closeEvent();
        int n = 0, d = 0;
        if (abc::parseMeterToken(token, n, d) && n > 0 && d > 0)
            setMeter(n, d);
        return pos_;
    }
    case Kind::Other:
        closeEvent();
        return pos_;
    }
    return pos_;
}

} // namespace folkrnn::analysis
