#pragma once
#include "core/audio/NoteEvents.h"

#include <QString>
#include <QStringList>

#include <sstream>
#include <string>
#include <vector>

// Small helpers shared by the core/audio tests.
namespace folkrnn::test {

inline std::vector<std::string> splitTokens(const std::string &text)
{
    std::istringstream in(text);
    std::vector<std::string> out;
    for (std::string t; in >> t;)
        out.push_back(t);
    return out;
}

inline QString rationalText(const abc::Rational &r)
{
    return r.den == 1 ? QString::number(r.num) : QStringLiteral("%1/%2").arg(r.num).arg(r.den);
}

// "key@onset+length" per note in quarter notes, in performance order: "69@0+1/2 71@1/2+1/2".
inline QString notesText(const audio::Performance &p)
{
    QStringList out;
    for (const audio::NoteEvent &e : p.notes)
        out << QStringLiteral("%1@%2+%3").arg(e.key).arg(rationalText(e.onset), rationalText(e.length));
    return out.join(QLatin1Char(' '));
}

inline QString keysText(const audio::Performance &p)
{
    QStringList out;
    for (const audio::NoteEvent &e : p.notes)
        out << QString::number(e.key);
    return out.join(QLatin1Char(' '));
}

inline audio::Performance perform(const std::string &text) { return audio::performTokens(splitTokens(text)); }

} // namespace folkrnn::test
