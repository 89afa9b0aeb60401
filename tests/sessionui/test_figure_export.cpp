// Figure export: every view of the inspector writes a PNG of the requested size with something
// drawn in it, an SVG that parses and keeps its text as text (vector stays vector), and a PDF;
// `folkrnn-cli export-figures` does the same with no display, and refuses bad input with one line.
#include "SelectionConversion.h"
#include "ViewDocks.h"

#include "common/RandomModel.h"
#include "common/TestSupport.h"
#include "core/model/ModelFile.h"
#include "core/model/OpenModel.h"
#include "core/sim/Generator.h"
#include "widgets/common/FigureExportDialog.h"
#include "widgets/analysis/common/AnalysisPlot.h"
#include "widgets/common/InspectorView.h"
#include "widgets/selection/Selection.h"
#include "widgets/stepstats/StepStatsView.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QMainWindow>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using namespace folkrnn;

namespace {

// Distinct colours in an image: a blank or single-colour export has one or two.
int distinctColours(const QImage &image)
{
    QSet<QRgb> seen;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            seen.insert(image.pixel(x, y));
    return int(seen.size());
}

// The SVG parses as XML and as SVG; returns its <text> contents (empty when it does not parse).
QStringList svgTexts(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read");
        return {};
    }
    QXmlStreamReader xml(&f);
    QStringList texts;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("text"))
            texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).simplified();
    }
    if (xml.hasError())
        *error = xml.errorString();
    else if (!QSvgRenderer(path).isValid())
        *error = QStringLiteral("QSvgRenderer refuses it");
    return texts;
}

} // namespace

class TestFigureExport : public QObject {
    Q_OBJECT
    QTemporaryDir tmp;
    std::shared_ptr<const Model> model = std::make_shared<const Model>(testsupport::randomModel(2, 32, 11));
    std::shared_ptr<const Run> run;
    QStringList viewIds;

private slots:
    void initTestCase()
    {
        QVERIFY(tmp.isValid());
        std::shared_ptr<Generator> gen;
        for (std::uint32_t seed = 1; seed < 200; ++seed) {
            GenerationSettings s;
            s.seed = seed;
            s.maxLength = 60;
            gen = std::make_shared<Generator>(model, s);
            gen->runToEnd();
            if (gen->run().steps() >= 30)
                break;
        }
        QVERIFY(gen->run().steps() >= 30);
        run = std::shared_ptr<const Run>(gen, &gen->run());
    }

    void everyViewExportsEveryFormat()
    {
        QMainWindow window;
        widgets::Selection selection;
        gui::ViewDocks docks(&window, &selection);
        docks.setModel(model);
        docks.setRun(run);
        widgets::SelectionState state;
        state.step = 12;
        state.units = {1, 5};
        selection.setState(state);
        const QString dir = tmp.filePath(QStringLiteral("gui"));
        QVERIFY(QDir().mkpath(dir));
        const QSize size(400, 260);
        const int dpi = 192; // twice the logical size in pixels
        const QStringList failed =
            docks.exportAll(dir, {QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf"), QStringLiteral("csv")},
                            size, dpi);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.join(QLatin1Char(' '))));
        QVERIFY(docks.views().size() >= 6);
        for (widgets::InspectorView *v : docks.views()) {
            viewIds << v->viewId();
            const QString base = QDir(dir).filePath(v->viewId());
            const QImage png(base + QStringLiteral(".png"));
            QVERIFY2(!png.isNull(), qPrintable(v->viewId()));
            QCOMPARE(png.size(), size * 2);
            QVERIFY2(distinctColours(png) > 4, qPrintable(v->viewId() + QStringLiteral(" exported a blank PNG")));
            QString error;
            const QStringList texts = svgTexts(base + QStringLiteral(".svg"), &error);
            QVERIFY2(error.isEmpty(), qPrintable(v->viewId() + QStringLiteral(".svg: ") + error));
            QVERIFY2(!texts.isEmpty(), qPrintable(v->viewId() + QStringLiteral(".svg has no text elements")));
            QVERIFY(readAll(base + QStringLiteral(".pdf")).startsWith("%PDF"));
            QVERIFY(QFileInfo(base + QStringLiteral(".csv")).size() > 0);
        }
    }

    void dialogWritesTheChosenSizeAndResolution()
    {
        QMainWindow window;
        widgets::Selection selection;
        gui::ViewDocks docks(&window, &selection);
        docks.setRun(run);
        docks.showView(QStringLiteral("logprob-heatmap")); // attached: holds the run
        widgets::InspectorView *heatmap = docks.view(QStringLiteral("logprob-heatmap"));
        heatmap->setRun(run);
        widgets::FigureExportDialog dialog({heatmap}, heatmap, QStringLiteral("png"));
        dialog.setSizeCm(8.5, 6.5); // one journal column
        dialog.setDpi(300);
        const QString path = tmp.filePath(QStringLiteral("column.png"));
        dialog.setPath(path);
        QCOMPARE(dialog.logicalSize(), QSize(321, 246));
        QVERIFY(dialog.exportNow());
        const QImage image(path);
        QCOMPARE(image.size(), QSize(1003, 769)); // 8.5 cm and 6.5 cm at 300 dpi
        QCOMPARE(qRound(image.dotsPerMeterX() * 0.0254), 300);
        dialog.setPath(tmp.filePath(QStringLiteral("no/such/folder/x.png")));
        QVERIFY(!dialog.exportNow());
    }

    void exportFiguresRunsWithoutADisplay()
    {
        const QString modelFile = tmp.filePath(QStringLiteral("model.h5"));
        saveModelHdf5(*model, modelFile.toStdString());
        const QString out = tmp.filePath(QStringLiteral("cli"));
        // No display of any kind, and no platform chosen: the command must pick offscreen itself.
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            qunsetenv(name);
        const auto r = test::runProcess(test::binary(QStringLiteral("folkrnn-cli")),
                                        {QStringLiteral("export-figures"), QStringLiteral("--model"), modelFile,
                                         QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--steps"),
                                         QStringLiteral("40"), QStringLiteral("--units"), QStringLiteral("1:2,5"),
                                         QStringLiteral("--out"), out, QStringLiteral("--format"),
                                         QStringLiteral("png,svg,pdf"), QStringLiteral("--size"),
                                         QStringLiteral("500x300"), QStringLiteral("--dpi"), QStringLiteral("96")});
        qputenv("QT_QPA_PLATFORM", "offscreen");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(!viewIds.isEmpty());
        for (const QString &id : viewIds) {
            const QImage png(QDir(out).filePath(id + QStringLiteral(".png")));
            QVERIFY2(!png.isNull(), qPrintable(id));
            QCOMPARE(png.size(), QSize(500, 300));
            QVERIFY2(distinctColours(png) > 4, qPrintable(id));
            QString error;
            svgTexts(QDir(out).filePath(id + QStringLiteral(".svg")), &error);
            QVERIFY2(error.isEmpty(), qPrintable(id + QStringLiteral(".svg: ") + error));
            QVERIFY(QFile::exists(QDir(out).filePath(id + QStringLiteral(".pdf"))));
        }
        QCOMPARE(QDir(out).entryList(QDir::Files).size(), viewIds.size() * 3);
    }

    // A headless export lays out the views drawn from child widgets at the figure's size: the
    // engraved staff spans the figure (abcm2ps used to set two bars a line in a tenth of it, for
    // the width the view had in the hidden window) and the pattern query's controls fill it.
    void exportedWidgetViewsFillTheFigure()
    {
        const QString out = tmp.filePath(QStringLiteral("staff"));
        const auto r = test::runProcess(
            test::binary(QStringLiteral("folkrnn-cli")),
            {QStringLiteral("export-figures"), QStringLiteral("--model"),
             test::testsDir() + QStringLiteral("/../resources/models/folkrnn-nottingham.h5"), QStringLiteral("--seed"),
             QStringLiteral("3"), QStringLiteral("--steps"), QStringLiteral("300"), QStringLiteral("--out"), out,
             QStringLiteral("--format"), QStringLiteral("png"), QStringLiteral("--size"), QStringLiteral("2000x700"),
             QStringLiteral("--dpi"), QStringLiteral("96")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        // The rightmost dark pixel at or below row `top`, and how many there are.
        const auto darkExtent = [&](const QString &name, int top, int *count) {
            const QImage png = QImage(QDir(out).filePath(name)).convertToFormat(QImage::Format_Grayscale8);
            int right = -1;
            *count = 0;
            for (int y = top; y < png.height(); ++y)
                for (int x = 0; x < png.width(); ++x)
                    if (qGray(png.pixel(x, y)) < 96) {
                        right = std::max(right, x);
                        ++*count;
                    }
            return right;
        };
        int dark = 0;
        const int queryRight = darkExtent(QStringLiteral("pattern-query.png"), 40, &dark);
        // Laid out at the figure's size, its controls end inside it with the layout's margin;
        // scaled up from a smaller layout they were cut off at the edge.
        QVERIFY2(queryRight > 1800 && queryRight < 1990,
                 qPrintable(QStringLiteral("the query's controls end at x = %1").arg(queryRight)));
        if (QStandardPaths::findExecutable(QStringLiteral("abcm2ps")).isEmpty())
            QSKIP("abcm2ps (Debian package) engraves the staff");
        // The staff lies below the text (three lines at this width).
        const int staffRight = darkExtent(QStringLiteral("abc.png"), 110, &dark);
        QVERIFY2(dark > 2000, qPrintable(QStringLiteral("%1 dark pixels: no staff drawn").arg(dark)));
        QVERIFY2(staffRight > 1500, qPrintable(QStringLiteral("the staff ends at x = %1").arg(staffRight)));
    }

    // A figure wider than the view on screen labels more of its steps: the step axis' tokens are
    // thinned for the figure's axis length, not for the one the screen laid out (QCustomPlot
    // generates ticks before it lays the axes out).
    void stepAxisLabelsFitTheFigure()
    {
        GenerationSettings s;
        s.maxLength = 200;
        s.forcedTune.assign(200, model->tokenIndex("|"));
        auto gen = std::make_shared<Generator>(model, s);
        gen->runToEnd();
        QCOMPARE(gen->run().steps(), 200);
        widgets::Selection selection;
        widgets::StepStatsView view;
        view.setSelection(&selection);
        view.setRun(std::shared_ptr<const Run>(gen, &gen->run()));
        view.resize(300, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        auto labels = [&](int width) {
            const QString path = tmp.filePath(QStringLiteral("steps-%1.svg").arg(width));
            view.exportSvg(path, QSize(width, 400));
            QString error;
            const QStringList texts = svgTexts(path, &error);
            return int(texts.count(QStringLiteral("|")));
        };
        const int narrow = labels(300), wide = labels(2400);
        QVERIFY2(narrow >= 2 && wide > 4 * narrow, qPrintable(QStringLiteral("%1 and %2 labels").arg(narrow).arg(wide)));
    }

    // Export every view attaches closed views, whose weight analyses then start on a worker
    // thread (tens of ms for a 3x512 model): each is drawn when its result has arrived, not empty
    // (the gate-subspace figure of `export-figures` was blank).
    void exportAllWaitsForBackgroundAnalyses()
    {
        auto big = std::make_shared<const Model>(
            openModel(test::testsDir().toStdString() + "/../resources/models/folkrnn-nottingham.h5"));
        GenerationSettings s;
        s.maxLength = 20;
        auto gen = std::make_shared<Generator>(big, s);
        gen->runToEnd();
        QMainWindow window;
        widgets::Selection selection;
        gui::ViewDocks docks(&window, &selection);
        docks.setModel(big);
        docks.setRun(std::shared_ptr<const Run>(gen, &gen->run()));
        const QString dir = tmp.filePath(QStringLiteral("waits"));
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(docks.exportAll(dir, {QStringLiteral("csv")}, QSize(400, 260), 96).isEmpty());
        int weightViews = 0;
        for (widgets::InspectorView *v : docks.views()) {
            if (!qobject_cast<widgets::WeightPlotView *>(v))
                continue;
            ++weightViews;
            QFile csv(QDir(dir).filePath(v->viewId() + QStringLiteral(".csv")));
            QVERIFY(csv.open(QIODevice::ReadOnly));
            const int lines = int(csv.readAll().count('\n'));
            QVERIFY2(lines > 1, qPrintable(v->viewId() + QStringLiteral(": %1 lines").arg(lines)));
        }
        QVERIFY(weightViews >= 4);
    }

    void exportFiguresRefusesBadInputWithOneLine()
    {
        const QString cli = test::binary(QStringLiteral("folkrnn-cli"));
        const QString aFile = tmp.filePath(QStringLiteral("a-file"));
        QFile f(aFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("x");
        f.close();
        const QList<QStringList> bad = {
            {QStringLiteral("--out"), tmp.filePath(QStringLiteral("x")), QStringLiteral("--format"), QStringLiteral("gif")},
            {QStringLiteral("--session"), tmp.filePath(QStringLiteral("missing.frnsession")), QStringLiteral("--out"),
             tmp.filePath(QStringLiteral("x"))},
            {QStringLiteral("--session"), aFile, QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--out"),
             tmp.filePath(QStringLiteral("x"))},
            {QStringLiteral("--model"), aFile, QStringLiteral("--out"), tmp.filePath(QStringLiteral("x"))},
            {QStringLiteral("--size"), QStringLiteral("big"), QStringLiteral("--out"), tmp.filePath(QStringLiteral("x"))},
            {QStringLiteral("--seed"), QStringLiteral("1")}, // no --out
        };
        for (const QStringList &args : bad) {
            const auto r = test::runProcess(cli, QStringList{QStringLiteral("export-figures")} + args);
            QVERIFY2(r.exitCode == 2, qPrintable(args.join(QLatin1Char(' '))));
            QVERIFY2(r.err.count('\n') == 1, r.err.constData());
            QVERIFY(r.err.startsWith("folkrnn-cli: "));
        }
    }

private:
    static QByteArray readAll(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
};

QTEST_MAIN(TestFigureExport)
#include "test_figure_export.moc"
