#include "core/audio/Tempo.h"

#include "core/audio/Score.h"

#include <cctype>

namespace folkrnn::audio {

Rational beatQuarters(int numerator, int denominator)
{
    if (denominator <= 0 || numerator <= 0)
        return Rational(1);
    if (isCompoundMeter(numerator, denominator))
        return Rational(3 * 4, denominator); // three of the denominator's notes: 6/8 -> 3/2 quarters
    if (denominator == 8 || denominator == 2 || denominator == 4 || denominator == 16)
        return Rational(4, denominator);
    return Rational(1);
}

double defaultTempo(int numerator, int denominator)
{
    if (isCompoundMeter(numerator, denominator))
        return 100.0;
    if (denominator == 2)
        return 72.0; // half notes: a reel in cut time, a quarter = 144
    if (denominator == 4) {
        if (numerator == 2)
            return 132.0;
        if (numerator == 3)
            return 120.0;
        return 144.0;
    }
    if (denominator == 8)
        return 240.0; // eighths of 3/8, 5/8, 7/8
    return 120.0;
}

double secondsPerQuarter(int numerator, int denominator, double bpm)
{
    if (!(bpm > 0.0))
        bpm = defaultTempo(numerator, denominator);
    return 60.0 / (bpm * beatQuarters(numerator, denominator).value());
}

const std::vector<Instrument> &instruments()
{
    static const std::vector<Instrument> list{
        {"piano", 0}, {"fiddle", 40}, {"flute", 73}, {"whistle", 78}, {"accordion", 21}, {"harp", 46},
    };
    return list;
}

bool parseProgram(const std::string &text, int &program)
{
    for (const Instrument &i : instruments())
        if (text == i.name) {
            program = i.program;
            return true;
        }
    if (text.empty() || text.size() > 3)
        return false;
    int v = 0;
    for (char c : text) {
        if (!std::isdigit(static_cast<unsigned char>(c)))
            return false;
        v = v * 10 + (c - '0');
    }
    if (v > 127)
        return false;
    program = v;
    return true;
}

std::string programName(int program)
{
    for (const Instrument &i : instruments())
        if (i.program == program)
            return i.name;
    return "program " + std::to_string(program);
}

} // namespace folkrnn::audio
