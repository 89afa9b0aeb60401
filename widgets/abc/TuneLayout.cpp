#include "widgets/abc/TuneLayout.h"

#include "core/abc/TokenCategory.h"
#include "core/sim/Run.h"

#include <algorithm>

namespace folkrnn::widgets {

namespace {

bool isEnd(const std::string &token) { return token == "</s>"; }

bool isField(const std::string &token)
{
    const auto c = folkrnn::classifyToken(token);
    return c == folkrnn::TokenCategory::Meter || c == folkrnn::TokenCategory::Mode;
}

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

QString staffAbc(const folkrnn::Run &run)
{
    QString header = QStringLiteral("X:1\nL:1/8\n");
    QString meter = QStringLiteral("M:none"), mode = QStringLiteral("K:C");
    QString body;
    bool glueNext = false;
    int t = 0;
    // Leading meter and mode tokens become the header.
    for (; t < run.steps() && t < 2; ++t) {
        const std::string &token = run.tokenText(run.token(t));
        const auto c = folkrnn::classifyToken(token);
        if (c == folkrnn::TokenCategory::Meter)
            meter = QString::fromStdString(token);
        else if (c == folkrnn::TokenCategory::Mode)
            mode = QString::fromStdString(token);
        else
            break;
    }
    for (; t < run.steps(); ++t) {
        const std::string &token = run.tokenText(run.token(t));
        if (isEnd(token))
            break;
        if (token == "<s>")
            continue; // nothing to engrave (only an untrained model samples it)
        const auto c = folkrnn::classifyToken(token);
        const QString text = QString::fromStdString(token);
        // Durations and broken rhythms belong to the note before them ("C 2" is "C2" in ABC);
        // a tuplet mark belongs to the note after it.
        const bool glueToPrevious = c == folkrnn::TokenCategory::Duration;
        if (!body.isEmpty() && !glueToPrevious && !glueNext)
            body += QLatin1Char(' ');
        body += isField(token) ? QLatin1Char('[') + text + QLatin1Char(']') : text;
        glueNext = c == folkrnn::TokenCategory::Grouping || token == ">" || token == "<";
    }
    return QStringLiteral("%%continueall 1\n") + header + meter + QLatin1Char('\n') + mode + QLatin1Char('\n') +
           body + QLatin1Char('\n');
}

} // namespace folkrnn::widgets
