#pragma once
#include <QSize>
#include <QString>
#include <QList>
#include <QStringList>

#include <optional>

namespace folkrnn::gui {

// What the command line asks of the inspector at start.
struct LaunchOptions {
    QString model;          // --model FILE (default: the bundled model)
    QString session;        // FILE ending in .frnsession: open this session (as File > Open Session)
    std::optional<QString> seed, prime, tune;
    std::optional<double> temperature;
    int steps = 0;          // --steps N: step N times once the window is up
    QList<int> units;       // --units 3,17: select these units (of --layer, from 1)
    int layer = 0;          // --layer N (from 1; 0 = keep)
    QString signal;         // --signal h|c|i|f|o|g
    QString screenshot;     // --screenshot FILE.png: grab the window, then quit
    QStringList clamps;     // --clamp L:U=V[@FROM-TO] (repeatable, as folkrnn-cli generate)
    QStringList ablations;  // --ablate L:U1,U2,...[@FROM-TO] (repeatable)
    QSize windowSize;       // --window-size WxH
    bool defaultLayout = false; // --default-layout (implied by --screenshot)
};

// Parses `arguments` (argv); --help and --version print and exit. On a bad option returns
// nullopt and sets `error`. The optional positional FILE (the desktop entry's %f, what a file
// manager passes) is a session when it ends in .frnsession, otherwise a model as with --model.
std::optional<LaunchOptions> parseLaunchOptions(const QStringList &arguments, QString &error);

} // namespace folkrnn::gui
