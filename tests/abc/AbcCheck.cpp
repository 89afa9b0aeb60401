#include "AbcCheck.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

namespace folkrnn::test {

QString abc2midiPath() { return QStandardPaths::findExecutable(QStringLiteral("abc2midi")); }

QVector<int> midiNoteOns(const QString &path)
{
    QFile f(path);
    QVector<int> out;
    if (!f.open(QIODevice::ReadOnly))
        return out;
    const QByteArray d = f.readAll();
    auto u8 = [&](qsizetype i) { return i < d.size() ? static_cast<unsigned char>(d[i]) : 0u; };
    auto be32 = [&](qsizetype i) { return (u8(i) << 24) | (u8(i + 1) << 16) | (u8(i + 2) << 8) | u8(i + 3); };
    qsizetype i = 14; // after MThd
    while (i + 8 <= d.size() && d.mid(i, 4) == "MTrk") {
        const qsizetype end = i + 8 + be32(i + 4);
        qsizetype j = i + 8;
        unsigned running = 0;
        auto vlq = [&]() {
            unsigned v = 0;
            for (int n = 0; n < 4 && j < end; ++n) {
                const unsigned b = u8(j++);
                v = (v << 7) | (b & 0x7F);
                if (!(b & 0x80))
                    break;
            }
            return v;
        };
        while (j < end) {
            vlq(); // delta time
            const unsigned b = u8(j);
            if (b == 0xFF) {
                j += 2;
                j += vlq();
                continue;
            }
            if (b == 0xF0 || b == 0xF7) {
                ++j;
                j += vlq();
                continue;
            }
            if (b & 0x80) {
                running = b;
                ++j;
            }
            const unsigned kind = running & 0xF0;
            if (kind == 0xC0 || kind == 0xD0) {
                ++j;
                continue;
            }
            const unsigned a = u8(j), v = u8(j + 1);
            j += 2;
            if (kind == 0x90 && v > 0)
                out.push_back(static_cast<int>(a));
        }
        i = end;
    }
    return out;
}

Abc2MidiRun runAbc2midi(const std::vector<std::string> &tunes, const QString &dir, bool readNotes)
{
    Abc2MidiRun run;
    const QString exe = abc2midiPath();
    if (exe.isEmpty()) {
        run.failure = QStringLiteral("abc2midi is not installed (Debian package abcmidi)");
        return run;
    }
    QDir(dir).mkpath(QStringLiteral("."));
    const QString file = QDir(dir).filePath(QStringLiteral("all.abc"));
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly)) {
        run.failure = QStringLiteral("cannot write ") + file;
        return run;
    }
    // Remember where each tune starts, to name the tune of each error.
    QVector<int> startLine;
    QVector<int> number;
    int line = 1;
    static const QRegularExpression xLine(QStringLiteral("^X:\\s*(\\d+)"), QRegularExpression::MultilineOption);
    for (const std::string &t : tunes) {
        const QString text = QString::fromStdString(t);
        startLine.push_back(line);
        number.push_back(xLine.match(text).captured(1).toInt());
        f.write(text.toUtf8());
        f.write("\n");
        line += static_cast<int>(text.count(QLatin1Char('\n'))) + 1;
    }
    f.close();
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(exe, {file});
    if (!p.waitForStarted(30000) || !p.waitForFinished(600000)) {
        run.failure = QStringLiteral("abc2midi did not run to the end");
        return run;
    }
    static const QRegularExpression where(QStringLiteral("line-char (\\d+)-"));
    for (const QString &l : QString::fromLocal8Bit(p.readAll()).split(QLatin1Char('\n'))) {
        if (!l.contains(QLatin1String("Error")))
            continue;
        const int at = where.match(l).captured(1).toInt();
        int k = 0;
        while (k + 1 < startLine.size() && startLine[k + 1] <= at)
            ++k;
        const std::string &t = tunes[static_cast<std::size_t>(k)];
        run.errors << QStringLiteral("tune X:%1: %2\n%3").arg(number.value(k)).arg(l, QString::fromStdString(t));
    }
    if (readNotes)
        for (int n : number)
            run.notes[n] = midiNoteOns(QDir(dir).filePath(QStringLiteral("all%1.mid").arg(n)));
    return run;
}

} // namespace folkrnn::test
