// The README's walk-through pictures, taken the way a user gets them (menu, tool row, button),
// on a real window:
//
//   xvfb-run -s "-screen 0 1920x1200x24" take_screenshots MODEL.h5 OUTDIR [SEED=42]
//
// writes OUTDIR/spectrum-bar-period.png (Analysis > Unit spectra, layer 3, units with energy at
// the bar's period selected), softmax-svd.png (Analysis > Softmax singular vectors, i = 1),
// pattern-query.png (Analysis > Pattern query at a bar line, with a corpus run over seeds 1-20)
// and, when an audio output device exists, playing.png (Listen > Play from Current Step, taken
// while the tune sounds). It prints the numbers the README quotes. The main window after 100
// steps comes from folkrnn-inspector --steps 100 --screenshot.
#include "Document.h"
#include "MainWindow.h"
#include "ViewDocks.h"

#include "core/sim/Run.h"
#include "widgets/abc/AbcView.h"
#include "widgets/analysis/common/AnalysisPlot.h"
#include "widgets/analysis/spectrum/UnitSpectrumView.h"
#include "widgets/analysis/svd/SoftmaxSvdView.h"
#include "widgets/audio/PlayerBar.h"
#include "widgets/query/CorpusQueryPanel.h"
#include "widgets/query/PatternQueryView.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QPixmap>
#include <QStandardPaths>
#include <QTableWidget>
#include <QThread>

#include <cstdio>

using namespace folkrnn;
using namespace folkrnn::gui;

namespace {

void wait(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

// Until no run, engraving or weight analysis is pending, then a little more for replots.
void settle(MainWindow &w)
{
    QElapsedTimer t;
    t.start();
    const auto busy = [&w] {
        if (w.document()->busy())
            return true;
        const auto *abc = qobject_cast<widgets::AbcView *>(w.viewDocks()->view(QStringLiteral("abc")));
        if (abc && abc->staffPending())
            return true;
        for (widgets::InspectorView *v : w.viewDocks()->views())
            if (const auto *wv = qobject_cast<widgets::WeightPlotView *>(v); wv && wv->computing())
                return true;
        return false;
    };
    while (busy() && t.elapsed() < 60000)
        wait(50);
    wait(300);
}

bool shoot(MainWindow &w, const QString &path)
{
    settle(w);
    const bool ok = w.grab().save(path);
    std::printf("%s %s\n", ok ? "wrote" : "cannot write", qPrintable(path));
    return ok;
}

// Gives the dock of `viewId` (a tab over the log-probabilities) most of the right column.
void enlarge(MainWindow &w, const QString &viewId)
{
    w.viewDocks()->showView(viewId);
    QDockWidget *d = w.viewDocks()->dock(viewId);
    const int h = w.height();
    w.resizeDocks({d, w.viewDocks()->dock(QStringLiteral("annotation-tracks")),
                   w.viewDocks()->dock(QStringLiteral("activation-heatmap")),
                   w.viewDocks()->dock(QStringLiteral("step-statistics"))},
                  {int(h * 0.52), int(h * 0.12), int(h * 0.18), int(h * 0.18)}, Qt::Vertical);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QStringList args = QApplication::arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: take_screenshots MODEL.h5 OUTDIR [SEED=42]\n");
        return 2;
    }
    const QDir out(args[2]);
    QDir().mkpath(out.path());
    MainWindow w(false);
    w.resize(1600, 1000);
    w.show();
    if (!w.openModel(args[1]))
        return 2;
    wait(200);
    w.resetLayout();
    Document *doc = w.document();
    SettingsRequest r;
    r.seed = args.size() > 3 ? args[3] : QStringLiteral("42");
    r.maxLength = 1000;
    w.applySettings(r);
    doc->runToEnd();
    settle(w);
    const auto run = doc->run();
    std::printf("seed %s: %d steps\n", qPrintable(r.seed), run->steps());
    bool ok = true;

    // (b) Analysis > Unit spectra: layer 3, period 9 steps (the bar of a 4/4 tune, 8 eighths and
    // the bar line), Select units.
    doc->selection()->setLayer(run->numLayers() - 1);
    enlarge(w, QStringLiteral("unit-spectra"));
    auto *spectra = static_cast<widgets::UnitSpectrumView *>(w.viewDocks()->view(QStringLiteral("unit-spectra")));
    spectra->setPeriodQuery(9.0, 0.5);
    spectra->selectPeriodUnits();
    std::printf("units of layer %d with energy at period 9 +- 0.5 (-6 dB floor): %zu; strongest:",
                run->numLayers(), spectra->periodMatches().size());
    for (std::size_t k = 0; k < std::min<std::size_t>(12, spectra->periodMatches().size()); ++k)
        std::printf(" %d (%.1f dB at %.2f)", spectra->periodMatches()[k].unit, spectra->periodMatches()[k].peakDb,
                    spectra->periodMatches()[k].period);
    std::printf("\n");
    doc->selection()->setStep(13);
    ok &= shoot(w, out.filePath(QStringLiteral("spectrum-bar-period.png")));

    // (c) Analysis > Softmax singular vectors, i = 1.
    enlarge(w, QStringLiteral("softmax-svd"));
    auto *svd = static_cast<widgets::SoftmaxSvdView *>(w.viewDocks()->view(QStringLiteral("softmax-svd")));
    settle(w);
    svd->setVectorIndex(0);
    if (svd->svd())
        std::printf("softmax singular values: %.2f %.2f %.2f\n", svd->svd()->singularValues[0],
                    svd->svd()->singularValues[1], svd->svd()->singularValues[2]);
    ok &= shoot(w, out.filePath(QStringLiteral("softmax-svd.png")));

    // (d) Analysis > Pattern query at the first bar line, then over sampled tunes of seeds 1-20.
    int barStep = 0;
    for (int t = 4; t < run->steps(); ++t)
        if (run->tokenText(run->token(t)) == "|") {
            barStep = t;
            break;
        }
    doc->selection()->setUnits({});
    doc->selection()->setStep(barStep);
    enlarge(w, QStringLiteral("pattern-query"));
    auto *query = static_cast<widgets::PatternQueryView *>(w.viewDocks()->view(QStringLiteral("pattern-query")));
    query->setPattern(0.5, 1, 1);
    query->findUnits();
    std::printf("pattern query at step %d (%s): %zu units on (h >= 0.5) with the steps around off\n", barStep,
                run->tokenText(run->token(barStep)).c_str(), query->matches().size());
    query->corpusPanel()->setSeedRange(1, 20);
    if (query->runCorpus()) {
        QElapsedTimer t;
        t.start();
        while (query->corpusPanel()->running() && t.elapsed() < 300000)
            wait(100);
        if (const QTableWidget *table = query->corpusPanel()->table(); table->rowCount() > 0) {
            std::printf("corpus (seeds 1-20), first rows:\n");
            for (int row = 0; row < std::min(5, table->rowCount()); ++row) {
                for (int c = 0; c < table->columnCount(); ++c)
                    std::printf("  %s", table->item(row, c) ? qPrintable(table->item(row, c)->text()) : "");
                std::printf("\n");
            }
        }
    }
    ok &= shoot(w, out.filePath(QStringLiteral("pattern-query.png")));

    // (e) Listen > Play from Current Step: the selection follows the sounding note.
    auto *player = w.playerBar()->player();
    if (!player->available()) {
        std::printf("no playing.png: %s\n", qPrintable(player->unavailableReason()));
    } else {
        w.resetLayout();
        wait(200);
        doc->selection()->setUnits({105, 417}); // 3:105 and 3:417 of resources/findings (units from 0)
        doc->selection()->setStep(20);
        w.actions().playFromStep->trigger();
        wait(3500);
        std::printf("playing: state %d, sounding step %d, selection step %d\n", int(player->state()),
                    player->currentStep(), doc->selection()->step());
        const bool shot = w.grab().save(out.filePath(QStringLiteral("playing.png")));
        std::printf("%s playing.png\n", shot ? "wrote" : "cannot write");
        ok &= shot;
        player->stop();
    }
    return ok ? 0 : 1;
}
