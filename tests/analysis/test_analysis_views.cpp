// The analysis views (widgets/analysis/*): each draws the numbers core/analysis computes, turns a
// click into a Selection change, follows the Selection, and exports what it draws.
#include "common/RandomModel.h"

#include "core/analysis/GateCosine.h"
#include "core/analysis/Gramian.h"
#include "core/analysis/LogitPush.h"
#include "core/analysis/MaxMagnitude.h"
#include "core/analysis/PeriodQuery.h"
#include "core/analysis/SortedActivations.h"
#include "core/analysis/TokenAssociation.h"
#include "core/analysis/UnitSpectrum.h"
#include "core/analysis/WeightAnalysisCache.h"
#include "core/sim/Generator.h"
#include "widgets/analysis/gateinputs/GateInputsView.h"
#include "widgets/analysis/gramian/GramianView.h"
#include "widgets/analysis/logitpush/LogitPushView.h"
#include "widgets/analysis/maxmagnitude/MaxMagnitudeView.h"
#include "widgets/analysis/sorted/SortedActivationsView.h"
#include "widgets/analysis/spectrum/UnitSpectrumView.h"
#include "widgets/analysis/subspace/GateSubspaceView.h"
#include "widgets/analysis/svd/SoftmaxSvdView.h"
#include "widgets/analysis/tokenassoc/TokenAssociationView.h"
#include "widgets/selection/Selection.h"

#include <qcustomplot.h>

#include <QFileInfo>
#include <QListWidget>
#include <QTemporaryDir>
#include <QVBoxLayout>
#include <QtTest>

#include <cmath>

using namespace folkrnn;
using namespace folkrnn::widgets;
namespace fa = folkrnn::analysis;

class TestAnalysisViews : public QObject {
    Q_OBJECT
    std::shared_ptr<const Model> model = std::make_shared<const Model>(testsupport::randomModel(2, 24, 5));
    std::shared_ptr<fa::WeightAnalysisCache> cache = std::make_shared<fa::WeightAnalysisCache>(model);
    std::shared_ptr<const Run> run;
    QWidget window;
    Selection selection;
    SortedActivationsView *sorted = nullptr;
    MaxMagnitudeView *maxMag = nullptr;
    UnitSpectrumView *spectrum = nullptr;
    TokenAssociationView *assoc = nullptr;
    GramianView *gramian = nullptr;
    GateInputsView *gateInputs = nullptr;
    SoftmaxSvdView *svd = nullptr;
    LogitPushView *push = nullptr;
    GateSubspaceView *subspace = nullptr;
    QList<InspectorView *> views;

    static QPoint at(QCPAxisRect *rect, double x, double y)
    {
        return QPoint(int(std::lround(rect->axis(QCPAxis::atBottom)->coordToPixel(x))),
                      int(std::lround(rect->axis(QCPAxis::atLeft)->coordToPixel(y))));
    }
    static void click(PlotView *view, QPoint pos, Qt::KeyboardModifiers mods = {})
    {
        QTest::mouseClick(view->plot(), Qt::LeftButton, mods, pos);
    }

private slots:
    void initTestCase()
    {
        GenerationSettings s;
        s.maxLength = 80;
        // A prime long enough that every view has a few bars to show, whatever the random model samples.
        s.prime = {2, 4, 6};
        for (int k = 0; k < 40; ++k)
            s.prime.push_back(9 + (k * 5) % 13);
        std::shared_ptr<Generator> gen;
        for (std::uint32_t seed = 1; seed < 100; ++seed) {
            s.seed = seed;
            gen = std::make_shared<Generator>(model, s);
            gen->runToEnd();
            if (gen->run().steps() >= 40)
                break;
        }
        QVERIFY(gen->run().steps() >= 40);
        run = std::shared_ptr<const Run>(gen, &gen->run());
        auto *layout = new QVBoxLayout(&window);
        views << (sorted = new SortedActivationsView) << (maxMag = new MaxMagnitudeView) << (spectrum = new UnitSpectrumView)
              << (assoc = new TokenAssociationView) << (gramian = new GramianView) << (gateInputs = new GateInputsView)
              << (svd = new SoftmaxSvdView) << (push = new LogitPushView) << (subspace = new GateSubspaceView);
        for (InspectorView *v : views) {
            layout->addWidget(v);
            v->setSelection(&selection);
            v->setRun(run);
            if (auto *w = qobject_cast<WeightPlotView *>(v))
                w->setWeightAnalyses(cache);
        }
        window.resize(1000, 5400);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        for (InspectorView *v : views)
            static_cast<PlotView *>(v)->plot()->replot();
    }

    void sortedActivations()
    {
        selection.setLayer(1);
        const auto x = run->signalMatrix(1, Signal::H);
        const RowMatrixXf want = fa::sortedActivations(x);
        QCPColorMapData *data = sorted->colorMap()->data();
        QCOMPARE(data->keySize(), int(want.rows()));
        for (int t = 0; t < want.rows(); t += 7)
            for (int k = 0; k < want.cols(); ++k)
                QCOMPARE(data->cell(t, k), double(want(t, k)));
        QCOMPARE(sorted->sparsity().overallSmall, fa::sparsity(x).overallSmall);
        sorted->plot()->replot();
        click(sorted, at(sorted->plot()->axisRect(), 12, 3));
        QCOMPARE(selection.step(), 12);
        QCOMPARE(sorted->shownStep(), 12);
    }

    void maxMagnitude()
    {
        selection.setLayer(0);
        const fa::MaxMagnitude want = fa::sortedMaxMagnitude(run->signalMatrix(0, Signal::H));
        QCOMPARE(maxMag->maxMagnitude().order, want.order);
        maxMag->plot()->replot();
        QCPAxisRect *rect = maxMag->plot()->axisRect();
        click(maxMag, at(rect, 3, want.perUnit[want.order[3]]));
        QCOMPARE(selection.units(), QList<int>{want.order[3]});
        click(maxMag, at(rect, 5, want.perUnit[want.order[5]]), Qt::ControlModifier);
        QCOMPARE(selection.units(), (QList<int>{want.order[3], want.order[5]}));
    }

    void spectrumAndPeriodQuery()
    {
        selection.setLayer(0);
        fa::SpectrumSettings settings;
        settings.fftLength = 128;
        settings.floorDb = -10;
        spectrum->setSpectrumSettings(settings);
        spectrum->setPeriodQuery(4.0, 0.5);
        const fa::UnitSpectra want = fa::unitSpectra(run->signalMatrix(0, Signal::H), settings);
        QCOMPARE(spectrum->spectra().fftLength, 128);
        QCOMPARE(spectrum->spectra().db, want.db);
        const auto matches = fa::findUnitsByPeriod(want, 4.0, 0.5);
        QCOMPARE(spectrum->periodMatches().size(), matches.size());
        QVERIFY(!matches.empty());
        spectrum->selectPeriodUnits();
        QCOMPARE(selection.units().front(), matches.front().unit);
        QCOMPARE(int(selection.units().size()), int(matches.size()));
        spectrum->plot()->replot();
        click(spectrum, at(spectrum->plot()->axisRect(), 9, 10));
        QCOMPARE(selection.units(), QList<int>{9});
    }

    void tokenAssociation()
    {
        selection.setLayer(1);
        selection.setUnits({4});
        const fa::TokenAssociation want = fa::tokenAssociation(run->signalMatrix(1, Signal::H), run->tokens(), run->vocabSize());
        QCOMPARE(assoc->shownUnit(), 4);
        QCOMPARE(assoc->association().count, want.count);
        // Tokens never taken have NaN rows (NaN != NaN), so compare with NaN treated as a value.
        QVERIFY((assoc->association().mean.array().isNaN() == want.mean.array().isNaN()).all());
        QVERIFY((assoc->association().mean.array().isNaN()
                 || assoc->association().mean.array() == want.mean.array()).all());
        assoc->plot()->replot();
        const int row = 10;
        click(assoc, at(assoc->plot()->axisRect(), row, 0));
        const int token = assoc->tokenOrder().tokenAtRow(row);
        QCOMPARE(selection.token(), token);
        if (want.count[std::size_t(token)] > 0) {
            assoc->selectUnitsBeforeToken();
            QCOMPARE(selection.units().front(), fa::unitsBeforeToken(want, token).front().unit);
        }
        assoc->setLag(1);
        QCOMPARE(assoc->association().lag, 1);
    }

    void gramianView()
    {
        gramian->setSortedByVariance(false);
        gramian->setChoice({fa::WeightKind::Softmax, 0, Gate::Input});
        QCOMPARE(gramian->pairList()->count(), 20);
        const fa::ExtremePairs want = fa::extremePairs(fa::normalisedGramian(model->denseW), 10);
        QCOMPARE(gramian->pairs().alike.front().a, want.alike.front().a);
        gramian->pairList()->setCurrentRow(0);
        emit gramian->pairList()->itemClicked(gramian->pairList()->item(0));
        QCOMPARE(selection.layer(), 1);
        QCOMPARE(selection.units(), (QList<int>{want.alike.front().a, want.alike.front().b}));
        gramian->plot()->replot();
        click(gramian, at(gramian->plot()->axisRect(), 2, 7));
        QCOMPARE(selection.units(), (QList<int>{2, 7}));
        gramian->setSortedByVariance(true);
        QCOMPARE(gramian->itemOrder(), fa::orderByRowVariance(fa::normalisedGramian(model->denseW)));
        // Over tokens: a click selects the token.
        gramian->setSortedByVariance(false);
        gramian->setChoice({fa::WeightKind::Input, 0, Gate::Cell});
        gramian->plot()->replot();
        click(gramian, at(gramian->plot()->axisRect(), 3, 3));
        QCOMPARE(selection.token(), gramian->itemOrder()[3]);
    }

    void gateInputsView()
    {
        gateInputs->setLayer(0);
        QVERIFY(gateInputs->summary());
        QCOMPARE(gateInputs->summary()->columnNorms, fa::gateInputSummary(model->layers[0]).columnNorms);
        gateInputs->plot()->replot();
        QCPAxisRect *norms = gateInputs->plot()->axisRect(0);
        click(gateInputs, at(norms, 6, norms->axis(QCPAxis::atLeft)->range().center()));
        QCOMPARE(selection.token(), gateInputs->inputOrder()[6]);
        QCPAxisRect *biases = gateInputs->plot()->axisRect(3);
        click(gateInputs, at(biases, 11, biases->axis(QCPAxis::atLeft)->range().center()));
        QCOMPARE(selection.layer(), 0);
        QCOMPARE(selection.units(), QList<int>{11});
    }

    void svdView()
    {
        svd->setVectorIndex(1);
        const fa::SoftmaxSvd want = fa::softmaxSvd(model->denseW);
        Eigen::VectorXd p(model->vocabSize());
        fa::pushedDistribution(want, model->denseB, 1, -1.0, 1.0, p);
        QVERIFY((svd->minusDistribution() - p).cwiseAbs().maxCoeff() < 1e-12);
        svd->plot()->replot();
        QCPAxisRect *values = svd->plot()->axisRect(0);
        click(svd, at(values, 3, want.singularValues[2]));
        QCOMPARE(svd->vectorIndex(), 2);
        svd->selectVectorUnits();
        QCOMPARE(selection.layer(), model->numLayers() - 1);
        QCOMPARE(int(selection.units().size()), 10);
    }

    void logitPushView()
    {
        selection.setStep(5);
        selection.setToken(run->token(5));
        selection.setLayer(1);
        selection.setUnits({3});
        QCOMPARE(push->shownStep(), 5);
        const double p = std::exp(run->logProbs(5)[run->token(5)]);
        QCOMPARE(push->probabilities().back(), p);
        const double factor = fa::probabilityFactor(model->denseW(3, run->token(5)), p);
        QVERIFY2(push->note().contains(QString::number(factor, 'g', 3)), qPrintable(push->note()));
    }

    void subspaceView()
    {
        subspace->setLayerAndGate(0, Gate::Forget);
        QTRY_VERIFY(subspace->subspace() != nullptr); // computed in the background if it was not cached
        QVERIFY(!subspace->computing());
        const fa::GateSubspace want = fa::gateSubspace(model->layers[0], Gate::Forget);
        QCOMPARE(subspace->subspace()->captured, want.captured);
        QCOMPARE(subspace->cosineHistogram().counts,
                 fa::histogram(fa::inputRecurrentCosines(model->layers[0], Gate::Forget), GateSubspaceView::kHistogramBins).counts);
        subspace->plot()->replot();
        const int r = 5, k = 7;
        click(subspace, at(subspace->plot()->axisRect(0), want.cumulativeSingularValue[r], want.captured(k, r)));
        QCOMPARE(std::abs(want.captured(selection.token(), r) - want.captured(k, r)) < 0.02, true);
    }

    void exports()
    {
        QTemporaryDir dir;
        for (InspectorView *v : views) {
            for (const char *suffix : {"png", "svg", "csv"}) {
                const QString path = dir.filePath(v->viewId() + "." + suffix);
                QVERIFY2(v->exportFile(path, QSize(700, 500)), qPrintable(path));
                QVERIFY(QFileInfo(path).size() > 0);
            }
        }
    }

    void emptyViews()
    {
        // Without a run or a model every view draws nothing and survives clicks and exports.
        QTemporaryDir dir;
        for (InspectorView *v : views) {
            v->setRun(nullptr);
            if (auto *w = qobject_cast<WeightPlotView *>(v))
                w->setWeightAnalyses(nullptr);
            click(static_cast<PlotView *>(v), QPoint(100, 100));
            QVERIFY(v->exportFile(dir.filePath(v->viewId() + ".csv")));
        }
    }
};

QTEST_MAIN(TestAnalysisViews)
#include "test_analysis_views.moc"
