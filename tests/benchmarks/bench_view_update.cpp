// How long the inspector takes to bring every view up to date after one step change.
//
//   bench_view_update MODEL.h5 [STEPS=500] [REPEATS=200]
//
// Opens MODEL in a 1600x1000 main window with every view docked, records STEPS steps (a traced
// random tune, so no early </s>), then times, each up to the moment the window has repainted:
//   cursor: the selected step moves by one (what stepping through a recorded run costs);
//   grow:   the run gains its last step (Step Forward at the end), handed to the views as the
//           Document does (the steps before it unchanged), views only, the model's step excluded.
// Runs on the offscreen platform unless QT_QPA_PLATFORM says otherwise.
#include "Document.h"
#include "MainWindow.h"
#include "ViewDocks.h"

#include "core/sim/Run.h"
#include "widgets/common/InspectorView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QStandardPaths>

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#else
#define CALLGRIND_TOGGLE_COLLECT
#endif

#include <algorithm>
#include <cstdio>
#include <random>
#include <ctime>
#include <vector>

namespace {

struct Stats {
    double median, mean, p95, max;
};

Stats summarise(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    double sum = 0;
    for (double v : ms)
        sum += v;
    return {ms[ms.size() / 2], sum / double(ms.size()), ms[std::min(ms.size() - 1, ms.size() * 95 / 100)], ms.back()};
}

// CPU time of this (the UI) thread: on a shared, loaded machine wall time also counts waiting.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

void settle()
{
    // Queued replots first, then the paint events they post.
    for (int k = 0; k < 3; ++k)
        QCoreApplication::processEvents(QEventLoop::AllEvents);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QStringList args = QApplication::arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_view_update MODEL.h5 [STEPS=500] [REPEATS=200]\n");
        return 2;
    }
    const int steps = args.size() > 2 ? args[2].toInt() : 500;
    const int repeats = args.size() > 3 ? args[3].toInt() : 200;

    folkrnn::gui::MainWindow window(false);
    window.resize(1600, 1000);
    window.show();
    if (!window.openModel(args[1]))
        return 2;
    window.resetLayout();
    folkrnn::gui::Document *doc = window.document();

    // A random tune of steps-1 tokens then </s>, from the meter/mode/body tokens.
    const auto &vocab = doc->model()->vocabulary;
    std::mt19937 rng(1);
    QString tune;
    for (int k = 0; k + 1 < steps; ++k) {
        std::string t;
        do
            t = vocab[rng() % vocab.size()];
        while (t == "<s>" || t == "</s>");
        tune += QString::fromStdString(t) + QLatin1Char(' ');
    }
    QElapsedTimer clock;
    clock.start();
    window.traceTune(tune);
    while (doc->busy())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    settle();
    const auto run = doc->run();
    std::printf("model %s: %d layers x %d units, vocabulary %d; %d steps recorded in %.0f ms\n",
                qPrintable(args[1]), run->numLayers(), run->hiddenSize(), run->vocabSize(), run->steps(),
                double(clock.elapsed()));

    folkrnn::widgets::Selection *selection = doc->selection();
    selection->setUnits({1, 2, 3});
    settle();
    std::vector<double> cursor, grow, cursorCpu, growCpu;
    for (int k = 0; k < repeats; ++k) {
        const int step = 1 + (k * 7) % (run->steps() - 2);
        const double cpu = threadCpuMs();
        clock.restart();
        selection->setStep(step);
        settle();
        cursor.push_back(double(clock.nsecsElapsed()) / 1e6);
        cursorCpu.push_back(threadCpuMs() - cpu);
    }
    // Growth: the same run with and without its last step, handed to the views as the Document does.
    folkrnn::Run shorter = *run;
    shorter.truncate(run->steps() - 1);
    const auto shorterPtr = std::make_shared<const folkrnn::Run>(std::move(shorter));
    // Profiling aids: BENCH_GROW_REPEATS=N times N growths; BENCH_PERF_CTL=FIFO drives a
    // `perf record -D -1 --control=fifo:FIFO` so that it samples the timed growths only;
    // BENCH_SPLIT=1 prints each growth's parts (setRun, the step, queued replots and paints, the rest).
    // Timings on a shared machine scatter; instructions do not: under
    // `valgrind --tool=callgrind --collect-atstart=no` only the timed growths are counted.
    const int growRepeats = qEnvironmentVariableIsSet("BENCH_GROW_REPEATS")
                                ? qEnvironmentVariableIntValue("BENCH_GROW_REPEATS")
                                : std::max(10, repeats / 10);
    FILE *perfCtl = qEnvironmentVariableIsSet("BENCH_PERF_CTL")
                        ? std::fopen(qgetenv("BENCH_PERF_CTL").constData(), "w")
                        : nullptr;
    const bool split = qEnvironmentVariableIsSet("BENCH_SPLIT");
    const auto perf = [perfCtl](const char *command) {
        if (perfCtl) {
            std::fputs(command, perfCtl);
            std::fflush(perfCtl);
        }
    };
    for (int k = 0; k < growRepeats; ++k) {
        window.viewDocks()->setRun(shorterPtr, shorterPtr->steps()); // Step Back: all it has is kept
        selection->setStep(shorterPtr->steps() - 1);
        settle();
        perf("enable\n");
        CALLGRIND_TOGGLE_COLLECT;
        const double cpu = threadCpuMs();
        clock.restart();
        window.viewDocks()->setRun(run, shorterPtr->steps()); // Step Forward: firstStep = the old length
        const double afterRun = threadCpuMs();
        selection->setStep(run->steps() - 1);
        const double afterStep = threadCpuMs();
        if (split)
            QCoreApplication::sendPostedEvents();
        const double afterPosted = threadCpuMs();
        settle();
        CALLGRIND_TOGGLE_COLLECT;
        perf("disable\n");
        if (split)
            std::printf("split: setRun %.2f ms, setStep %.2f, posted events (replots, paints) %.2f, rest %.2f\n",
                        afterRun - cpu, afterStep - afterRun, afterPosted - afterStep, threadCpuMs() - afterPosted);
        grow.push_back(double(clock.nsecsElapsed()) / 1e6);
        growCpu.push_back(threadCpuMs() - cpu);
    }
    if (perfCtl)
        std::fclose(perfCtl);
    // Per view: each alone on a private selection, painted synchronously (BENCH_VIEWS=0: skipped).
    const bool perView = qEnvironmentVariable("BENCH_VIEWS") != QLatin1String("0");
    if (perView)
        std::printf("per view (UI-thread CPU, median of %d, update + synchronous repaint):\n", std::max(10, repeats / 10));
    for (folkrnn::widgets::InspectorView *v : perView ? window.viewDocks()->views() : QList<folkrnn::widgets::InspectorView *>{}) {
        const bool attached = v->run() != nullptr;
        folkrnn::widgets::Selection own;
        own.setState(selection->state());
        v->setSelection(&own);
        settle();
        std::vector<double> vc, vg, vu;
        for (int k = 0; k < std::max(10, repeats / 10); ++k) {
            double cpu = threadCpuMs();
            own.setStep(1 + (k * 7) % (run->steps() - 2));
            QCoreApplication::sendPostedEvents();
            v->repaint();
            vc.push_back(threadCpuMs() - cpu);
            cpu = threadCpuMs();
            v->setRun(k % 2 ? run : shorterPtr, shorterPtr->steps());
            vu.push_back(threadCpuMs() - cpu);
            QCoreApplication::sendPostedEvents();
            v->repaint();
            vg.push_back(threadCpuMs() - cpu);
        }
        v->setSelection(selection);
        v->setRun(run);
        std::printf("  %-22s cursor %6.2f ms   grow %6.2f ms (setRun alone %6.2f)%s\n", qPrintable(v->viewId()),
                    summarise(vc).median, summarise(vg).median, summarise(vu).median, attached ? "" : "  [detached in the window]");
    }
    const auto report = [](const char *what, const std::vector<double> &wall, const std::vector<double> &cpu) {
        const Stats w = summarise(wall), c = summarise(cpu);
        std::printf("%s (%zu times): wall median %.2f ms, mean %.2f, p95 %.2f, max %.2f | UI-thread CPU median "
                    "%.2f ms, p95 %.2f\n",
                    what, wall.size(), w.median, w.mean, w.p95, w.max, c.median, c.p95);
    };
    report("cursor: select another recorded step", cursor, cursorCpu);
    report("grow:   the run gains a step        ", grow, growCpu);
    return 0;
}
