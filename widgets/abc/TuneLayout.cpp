#include "widgets/abc/TuneLayout.h"

#include "core/abc/TokenCategory.h"
#include "core/sim/Run.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace folkrnn::widgets {

namespace {

bool isEnd(const std::string &token) { return token == "</s>"; }

} // namespace

int TuneText::stepAt(int pos) const
{
    for (std::size_t t = 0; t < spans.size(); ++t) {
        const TokenSpan &s = spans[t];
        if (s.end > s.begin && pos < s.end)
            return pos >= s.begin || t > 0 ? static_cast<int>(t) : 0;
    }
    return spans.empty() ? -1 : static_cast<int>(spans.size()) - 1;
}

TuneText sampleRnnText(const folkrnn::Run &run)
{
    TuneText out;
    out.spans.resize(static_cast<std::size_t>(run.steps()));
    int written = 0;
    for (int t = 0; t < run.steps(); ++t) {
        const std::string &token = run.tokenText(run.token(t));
        if (isEnd(token)) {
            out.spans[static_cast<std::size_t>(t)] = {int(out.text.size()), int(out.text.size())};
            break;
        }
        if (written > 0)
            out.text += written <= 2 ? QLatin1Char('\n') : QLatin1Char(' ');
        const int begin = int(out.text.size());
        out.text += QString::fromStdString(token);
        out.spans[static_cast<std::size_t>(t)] = {begin, int(out.text.size())};
        ++written;
    }
    return out;
}

namespace {

// Eighths per beat of a meter token: 3 for compound x/8 meters, 4 for x/2, else 2 (x/4).
double beatOf(const std::string &meter)
{
    int num = 0, den = 0;
    if (std::sscanf(meter.c_str(), "M:%d/%d", &num, &den) != 2)
        return 2.0;
    if (den == 8 && num % 3 == 0)
        return 3.0;
    return den == 2 ? 4.0 : den == 8 ? 1.0 : 2.0;
}

// Tuplet "(p": p notes in the time of q (ABC's defaults for q).
double tupletFactor(const std::string &token)
{
    const int p = std::atoi(token.c_str() + 1);
    const int q = p == 2 || p == 4 || p == 8 ? 3 : p == 3 || p == 6 ? 2 : p - 1;
    return p > 0 ? double(q) / p : 1.0;
}

} // namespace

QString staffAbc(const folkrnn::Run &run)
{
    std::string meter = "M:none", mode = "K:C";
    int t = 0;
    // Leading meter and mode tokens become the header.
    for (; t < run.steps() && t < 2; ++t) {
        const std::string &token = run.tokenText(run.token(t));
        const auto c = folkrnn::classifyToken(token);
        if (c == folkrnn::TokenCategory::Meter)
            meter = token;
        else if (c == folkrnn::TokenCategory::Mode)
            mode = token;
        else
            break;
    }
    // Notes within one beat are written together so that abcm2ps beams them ("G,C C2 G,CEC"): a
    // note is spaced from the one before only on a beat. Durations and broken rhythms join their
    // note ("C 2" is "C2"), a tuplet mark the note after it.
    QString body;
    double beat = beatOf(meter), pos = 0.0, noteLength = 1.0, tuplet = 1.0;
    int tupletNotes = 0;
    bool glueNext = false;
    const auto onBeat = [&] { return std::abs(pos / beat - std::round(pos / beat)) < 1e-6; };
    for (; t < run.steps(); ++t) {
        const std::string &token = run.tokenText(run.token(t));
        if (isEnd(token))
            break;
        if (token == "<s>")
            continue; // nothing to engrave (only an untrained model samples it)
        const auto c = folkrnn::classifyToken(token);
        const QString text = QString::fromStdString(token);
        const bool note = c == folkrnn::TokenCategory::Pitch || c == folkrnn::TokenCategory::Rest;
        double eighths = 0.0;
        if (c == folkrnn::TokenCategory::Duration) {
            // Lengthens the note before it; ">" and "<" keep the pair's total.
            if (folkrnn::durationValue(token, eighths))
                pos += (eighths - 1.0) * noteLength;
            else
                glueNext = true;
            body += text;
            continue;
        }
        const bool space = !body.isEmpty() && !glueNext && !(note && !onBeat());
        if (space)
            body += QLatin1Char(' ');
        glueNext = false;
        if (note) {
            noteLength = tupletNotes > 0 ? tuplet : 1.0;
            tupletNotes = std::max(0, tupletNotes - 1);
            pos += noteLength;
            body += text;
        } else if (c == folkrnn::TokenCategory::Grouping) {
            tuplet = tupletFactor(token);
            tupletNotes = std::atoi(token.c_str() + 1);
            glueNext = true;
            body += text;
        } else if (c == folkrnn::TokenCategory::Meter || c == folkrnn::TokenCategory::Mode) {
            if (c == folkrnn::TokenCategory::Meter)
                beat = beatOf(token);
            body += QLatin1Char('[') + text + QLatin1Char(']');
        } else {
            if (c == folkrnn::TokenCategory::Measure)
                pos = 0.0;
            body += text;
        }
    }
    return QStringLiteral("%%continueall 1\nX:1\nL:1/8\n") + QString::fromStdString(meter) + QLatin1Char('\n') +
           QString::fromStdString(mode) + QLatin1Char('\n') + body.simplified() + QLatin1Char('\n');
}

} // namespace folkrnn::widgets
