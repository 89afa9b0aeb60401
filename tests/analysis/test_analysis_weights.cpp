// The weight analyses of parts 2-4 of the posts (Gramians, gate input norms and biases, softmax
// SVD and pushed distributions, alpha/delta, the gate subspace projection, input/recurrent
// cosines and their histogram) against tests/reference/numpy_analyses.py on a random model.
#include "AnalysisFixtures.h"
#include "common/TestSupport.h"
#include "core/analysis/GateCosine.h"
#include "core/analysis/GateInputs.h"
#include "core/analysis/GateSubspace.h"
#include "core/analysis/Gramian.h"
#include "core/analysis/LogitPush.h"
#include "core/analysis/SoftmaxSvd.h"
#include "core/analysis/WeightAnalysisCache.h"
#include "core/analysis/WeightChoice.h"
#include "core/model/ModelFile.h"
#include "core/util/Error.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <thread>

using namespace folkrnn;
using namespace folkrnn::analysis;
using folkrnn::test::maxAbsDiff;
using folkrnn::test::refArray;
using folkrnn::test::refInts;

class TestAnalysisWeights : public QObject {
    Q_OBJECT
    QTemporaryDir dir;
    QString ref;
    Model model;

    void compareGramian(const WeightChoice &choice, const std::string &group)
    {
        const RowMatrixXd g = normalisedGramian(weightItems(model, choice));
        QVERIFY2(maxAbsDiff(g, refArray(ref, group + "/gramian")) < 1e-9, group.c_str());
        QVERIFY(maxAbsDiff(rowVariance(g), refArray(ref, group + "/row_variance")) < 1e-12);
        QCOMPARE(orderByRowVariance(g), refInts(ref, group + "/variance_order"));
        const ExtremePairs pairs = extremePairs(g, 10);
        const RowMatrixXd alike = refArray(ref, group + "/alike"), opposed = refArray(ref, group + "/opposed");
        const RowMatrixXd alikeCos = refArray(ref, group + "/alike_cos"), opposedCos = refArray(ref, group + "/opposed_cos");
        QCOMPARE(pairs.alike.size(), std::size_t(10));
        QCOMPARE(pairs.opposed.size(), std::size_t(10));
        for (Eigen::Index i = 0; i < 10; ++i) {
            const ItemPair &a = pairs.alike[std::size_t(i)], &o = pairs.opposed[std::size_t(i)];
            QCOMPARE(a.a, int(alike(i, 0)));
            QCOMPARE(a.b, int(alike(i, 1)));
            QVERIFY(std::abs(a.cosine - alikeCos(i, 0)) < 1e-9);
            QCOMPARE(o.a, int(opposed(i, 0)));
            QCOMPARE(o.b, int(opposed(i, 1)));
            QVERIFY(std::abs(o.cosine - opposedCos(i, 0)) < 1e-9);
        }
    }

private slots:
    void initTestCase()
    {
        if (!test::pythonHasModules({"numpy", "h5py"}))
            QSKIP("Debian's python3-numpy and python3-h5py are needed for the reference");
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("m.h5");
        QString err = test::makeRandomModel(path, 2, 40, 23);
        QVERIFY2(err.isEmpty(), qPrintable(err));
        ref = dir.filePath("ref.h5");
        err = test::runNumpyAnalyses({"weights", "--model", path, "--out", ref, "--pairs", "10", "--bins", "50"});
        QVERIFY2(err.isEmpty(), qPrintable(err));
        model = loadModelHdf5(path.toStdString());
    }

    void gramians()
    {
        compareGramian({WeightKind::Softmax, 0, Gate::Input}, "/gramian_softmax");
        compareGramian({WeightKind::Input, 0, Gate::Input}, "/gramian_wxi_layer1");
        compareGramian({WeightKind::Recurrent, 1, Gate::Forget}, "/gramian_whf_layer2");
        QVERIFY(extremePairs(RowMatrixXd::Identity(3, 3), 10).alike.size() == 3);
    }

    void weightChoice()
    {
        QCOMPARE(&weightItems(model, {WeightKind::Softmax, 0, Gate::Input}), &model.denseW);
        QCOMPARE(&weightItems(model, {WeightKind::Input, 1, Gate::Cell}), &model.layers[1].wx(Gate::Cell));
        QCOMPARE(&weightItems(model, {WeightKind::Recurrent, 0, Gate::Output}), &model.layers[0].wh(Gate::Output));
        QVERIFY(itemsAreTokens(model, {WeightKind::Input, 0, Gate::Input}));
        QVERIFY(!itemsAreTokens(model, {WeightKind::Input, 1, Gate::Input}));
        QCOMPARE(describe({WeightKind::Input, 0, Gate::Forget}), std::string("W_xf (layer 1)"));
        QCOMPARE(describe({WeightKind::Recurrent, 2, Gate::Cell}), std::string("W_hc (layer 3)"));
        QVERIFY_THROWS_EXCEPTION(InputError, weightItems(model, {WeightKind::Recurrent, 2, Gate::Input}));
    }

    void gateInputs()
    {
        for (int l = 0; l < model.numLayers(); ++l) {
            const std::string g = "/layer" + std::to_string(l + 1);
            const GateInputSummary s = gateInputSummary(model.layers[std::size_t(l)]);
            QVERIFY(maxAbsDiff(s.columnNorms, refArray(ref, g + "/column_norms")) < 1e-9);
            QVERIFY(maxAbsDiff(s.biasNorms.transpose(), refArray(ref, g + "/bias_norms").transpose()) < 1e-9);
            QVERIFY(maxAbsDiff(s.biasCosine, refArray(ref, g + "/bias_cosine")) < 1e-12);
            // Evaluated in float (see GateInputs.cpp).
            QVERIFY(maxAbsDiff(s.meanActivation, refArray(ref, g + "/mean_activation")) < 1e-6);
            QVERIFY(maxAbsDiff(s.meanActivationNoBias, refArray(ref, g + "/mean_activation_nobias")) < 1e-6);
        }
    }

    void softmaxSvdAndPushes()
    {
        const SoftmaxSvd svd = softmaxSvd(model.denseW);
        const RowMatrixXd s = refArray(ref, "/svd_softmax/singular_values");
        QVERIFY(maxAbsDiff(svd.singularValues, s) < 1e-9 * s(0, 0));
        QVERIFY(maxAbsDiff(svd.tokenVectors, refArray(ref, "/svd_softmax/token_vectors")) < 1e-8);
        QVERIFY(maxAbsDiff(svd.unitVectors, refArray(ref, "/svd_softmax/unit_vectors")) < 1e-8);
        // The posts' relation V w_i = s_i u_i, with V = denseW^T.
        const Eigen::MatrixXd v = model.denseW.transpose().cast<double>();
        for (int i = 0; i < 3; ++i)
            QVERIFY((v * svd.unitVectors.col(i) - svd.singularValues[i] * svd.tokenVectors.col(i)).norm() < 1e-9);
        Eigen::VectorXd p(model.vocabSize());
        for (int i = 0; i < 3; ++i) {
            pushedDistribution(svd, model.denseB, i, +1.0, 1.0, p);
            QVERIFY(maxAbsDiff(p, refArray(ref, "/svd_softmax/pushed_" + std::to_string(i) + "_plus")) < 1e-12);
            pushedDistribution(svd, model.denseB, i, -1.0, 1.0, p);
            QVERIFY(maxAbsDiff(p, refArray(ref, "/svd_softmax/pushed_" + std::to_string(i) + "_minus")) < 1e-12);
        }
        pushedDistribution(svd, model.denseB, 0, +1.0, 1.0, p);
        QVERIFY(maxAbsDiff(p, refArray(ref, "/svd_softmax/as_hidden_0_plus")) < 1e-9);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pushedDistribution(svd, model.denseB, 999, 1.0, 1.0, p));
    }

    void logitPush()
    {
        const RowMatrixXd ps = refArray(ref, "/logit_push/p"), deltas = refArray(ref, "/logit_push/deltas");
        const RowMatrixXd alpha = refArray(ref, "/logit_push/alpha"), alphas = refArray(ref, "/logit_push/alphas");
        const RowMatrixXd delta = refArray(ref, "/logit_push/delta");
        Eigen::VectorXd out(deltas.rows()), outD(alphas.cols());
        for (Eigen::Index r = 0; r < ps.rows(); ++r) {
            probabilityFactors(deltas.col(0), ps(r, 0), out);
            QVERIFY(maxAbsDiff((out.array() / alpha.row(r).transpose().array()).matrix(),
                               Eigen::VectorXd::Ones(out.size())) < 1e-9);
            logitShifts(alphas.row(r).transpose(), ps(r, 0), outD);
            QVERIFY(maxAbsDiff(outD, delta.row(r).transpose()) < 1e-7);
        }
        // The limits the post states.
        QCOMPARE(probabilityFactor(0.0, 0.3), 1.0);
        QVERIFY(std::abs(probabilityFactor(50.0, 0.25) - 4.0) < 1e-12);     // alpha -> 1/p
        QVERIFY(std::abs(probabilityFactor(2.0, 0.0) - std::exp(2.0)) < 1e-12); // p -> 0: alpha -> e^delta
        QCOMPARE(probabilityFactor(-INFINITY, 0.3), 0.0);
        QCOMPARE(logitShift(0.0, 0.3), -INFINITY);
        QCOMPARE(logitShift(1.0 / 0.25, 0.25), INFINITY);
        QVERIFY(std::isnan(logitShift(5.0, 0.25)));
        QVERIFY(std::isnan(probabilityFactor(1.0, 1.5)));
        // Round trip.
        for (double d : {-3.0, -0.5, 0.0, 0.7, 4.0})
            QVERIFY(std::abs(logitShift(probabilityFactor(d, 0.2), 0.2) - d) < 1e-12);

        const Eigen::MatrixXd probs = refArray(ref, "/logit_push/unit_push_probs");
        Eigen::VectorXd factors(model.vocabSize());
        unitPushFactors(model.denseW, 3, 1.0, probs.col(0), factors);
        QVERIFY(maxAbsDiff(factors, refArray(ref, "/logit_push/unit_push_factors")) < 1e-9);
    }

    void subspace()
    {
        double worst = 0;
        for (int l = 0; l < model.numLayers(); ++l)
            for (Gate g : kGates) {
                const std::string at = "/layer" + std::to_string(l + 1) + "/" + gateSuffix(g);
                const GateSubspace s = gateSubspace(model.layers[std::size_t(l)], g);
                const RowMatrixXd sv = refArray(ref, at + "/singular_values");
                // The decomposition runs in float32 (see GateSubspace.h).
                QVERIFY(maxAbsDiff(s.singularValues, sv) < 1e-5 * sv(0, 0));
                QVERIFY(maxAbsDiff(s.cumulativeSingularValue, refArray(ref, at + "/cumulative_singular")) < 1e-5);
                const RowMatrixXd want = refArray(ref, at + "/captured");
                worst = std::max(worst, maxAbsDiff(s.captured, want));
                QVERIFY(std::abs(s.captured(0, s.captured.cols() - 1) - 1.0) < 1e-5); // r = H: all of w_k
            }
        QVERIFY2(worst < 1e-4, qPrintable(QString("largest difference %1").arg(worst)));
    }

    void cosines()
    {
        for (int l = 0; l < model.numLayers(); ++l)
            for (Gate g : kGates) {
                const std::string at = "/layer" + std::to_string(l + 1) + "/" + gateSuffix(g);
                const RowMatrixXd c = inputRecurrentCosines(model.layers[std::size_t(l)], g);
                QVERIFY(maxAbsDiff(c, refArray(ref, at + "/cosine")) < 1e-12);
                const Histogram h = histogram(c, 50);
                const std::vector<int> want = refInts(ref, at + "/cosine_histogram");
                QCOMPARE(std::vector<long long>(want.begin(), want.end()), h.counts);
            }
        // numpy.histogram's edges: the last bin is closed, values outside are dropped.
        RowMatrixXd v(1, 6);
        v << -1.0, -0.5, 0.0, 0.5, 1.0, 1.5;
        QCOMPARE(histogram(v, 4).counts, (std::vector<long long>{1, 1, 1, 2}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, histogram(v, 0));
    }

    void cache()
    {
        WeightAnalysisCache c(std::make_shared<const Model>(model));
        QVERIFY(!c.hasSubspace(1, Gate::Cell));
        // Asked from two threads at once, as a view's worker and the UI thread might.
        std::shared_ptr<const GateSubspace> a, b;
        std::thread worker([&] { a = c.subspace(1, Gate::Cell); });
        b = c.subspace(1, Gate::Cell);
        worker.join();
        QVERIFY(c.hasSubspace(1, Gate::Cell));
        QCOMPARE(c.subspace(1, Gate::Cell).get(), c.subspace(1, Gate::Cell).get()); // kept
        QCOMPARE(maxAbsDiff(a->captured, b->captured), 0.0);
        QCOMPARE(maxAbsDiff(a->captured, gateSubspace(model.layers[1], Gate::Cell).captured), 0.0);

        const WeightChoice softmax{WeightKind::Softmax, 0, Gate::Input};
        QCOMPARE(c.gramian(softmax).get(), c.gramian({WeightKind::Softmax, 1, Gate::Output}).get());
        QVERIFY(c.gramian({WeightKind::Input, 0, Gate::Input}).get() != c.gramian({WeightKind::Input, 0, Gate::Forget}).get());
        QCOMPARE(maxAbsDiff(*c.gramian(softmax), normalisedGramian(model.denseW)), 0.0);
        QCOMPARE(maxAbsDiff(c.softmaxSvd()->singularValues, softmaxSvd(model.denseW).singularValues), 0.0);
        QCOMPARE(maxAbsDiff(c.gateInputs(0)->columnNorms, gateInputSummary(model.layers[0]).columnNorms), 0.0);
        QCOMPARE(maxAbsDiff(*c.inputRecurrentCosines(1, Gate::Output), inputRecurrentCosines(model.layers[1], Gate::Output)),
                 0.0);
        QVERIFY_THROWS_EXCEPTION(InputError, c.subspace(2, Gate::Input));
        QVERIFY_THROWS_EXCEPTION(InputError, c.gateInputs(-1));
        QVERIFY_THROWS_EXCEPTION(InputError, c.gramian({WeightKind::Recurrent, 5, Gate::Input}));
    }
};

QTEST_GUILESS_MAIN(TestAnalysisWeights)
#include "test_analysis_weights.moc"
