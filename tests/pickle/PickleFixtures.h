#pragma once
// Reading what tests/reference/make_pickle_fixtures.py writes beside its pickles: fixtures.txt
// ("<pickle> <expected>"), expected_<name>.txt ("k rows cols offset", rows 0 for 1-d) with
// expected_<name>.bin (float32 C-order little-endian), and meta_<name>.json.
#include "core/model/Model.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <bit>
#include <cstring>
#include <utility>
#include <vector>

namespace folkrnn::test {

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// (pickle file, expected name) pairs listed in dir/fixtures.txt.
inline std::vector<std::pair<QString, QString>> listFixtures(const QString &dir)
{
    std::vector<std::pair<QString, QString>> out;
    for (const QByteArray &line : readAll(dir + QStringLiteral("/fixtures.txt")).split('\n')) {
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.size() == 2)
            out.emplace_back(QString::fromUtf8(f[0]), QString::fromUtf8(f[1]));
    }
    return out;
}

inline QJsonObject expectedMeta(const QString &dir, const QString &name)
{
    return QJsonDocument::fromJson(readAll(dir + QStringLiteral("/meta_") + name + QStringLiteral(".json"))).object();
}

// The model's value for element (r, c) of param_values[k] in Lasagne order (r = 0 for 1-d arrays).
inline float paramValue(const Model &m, int k, int count, int r, int c)
{
    if (k == 0)
        return m.embedding ? (*m.embedding)(r, c) : (r == c ? 1.0f : 0.0f);
    if (k == count - 2)
        return m.denseW(r, c);
    if (k == count - 1)
        return m.denseB(c);
    const LstmLayer &layer = m.layers[static_cast<std::size_t>((k - 1) / 14)];
    const int p = (k - 1) % 14;
    if (p == 12)
        return layer.c0(c);
    if (p == 13)
        return layer.h0(c);
    const int g = p / 3;
    switch (p % 3) {
    case 0: return layer.Wx[g](r, c);
    case 1: return layer.Wh[g](r, c);
    default: return layer.b[g](c);
    }
}

// Compares every element of every array bit for bit; returns the first difference, or "".
inline QString compareParams(const Model &m, const QString &dir, const QString &name)
{
    const QByteArray bin = readAll(dir + QStringLiteral("/expected_") + name + QStringLiteral(".bin"));
    QList<QList<int>> rows;
    for (const QByteArray &line : readAll(dir + QStringLiteral("/expected_") + name + QStringLiteral(".txt")).split('\n')) {
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.size() == 4)
            rows.append({f[0].toInt(), f[1].toInt(), f[2].toInt(), f[3].toInt()});
    }
    const int count = static_cast<int>(rows.size());
    if (count != 1 + 14 * m.numLayers() + 2)
        return QStringLiteral("expected %1 arrays for %2 layers").arg(count).arg(m.numLayers());
    if (bin.isEmpty())
        return QStringLiteral("no expected_%1.bin").arg(name);
    for (const auto &row : rows) {
        const int k = row[0], nr = row[1], nc = row[2], offset = row[3];
        for (int r = 0; r < std::max(nr, 1); ++r)
            for (int c = 0; c < nc; ++c) {
                const qsizetype at = offset + 4 * (qsizetype(r) * nc + c);
                if (at + 4 > bin.size())
                    return QStringLiteral("expected_%1.bin is too short").arg(name);
                std::uint32_t want = 0;
                std::memcpy(&want, bin.constData() + at, 4); // little-endian file, little-endian host
                const std::uint32_t got = std::bit_cast<std::uint32_t>(paramValue(m, k, count, r, c));
                if (got != want)
                    return QStringLiteral("param_values[%1](%2, %3): got bits %4, numpy has %5")
                        .arg(k).arg(r).arg(c).arg(got, 8, 16, QLatin1Char('0')).arg(want, 8, 16, QLatin1Char('0'));
            }
    }
    return {};
}

} // namespace folkrnn::test
